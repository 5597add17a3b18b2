package io.seamline.model.partner;

/** What of a partner's configuration is published at run time, as versions: its EDI mapping, its e-mail template. */
public enum PublishedKind {
    MAPPING,
    TEMPLATE;

    /** The partner column naming the version in force. */
    public String column() {
        return this == MAPPING ? "mapping_version" : "template_version";
    }
}
