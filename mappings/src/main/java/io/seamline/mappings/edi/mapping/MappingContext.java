package io.seamline.mappings.edi.mapping;

import io.seamline.mappings.edi.Envelope;
import io.seamline.mappings.edi.GroupHeader;

/** What a set mapper may know besides the set: its envelope, its group, the partner's overrides, the reads. */
public record MappingContext(Envelope envelope, GroupHeader group, SetOverrides overrides, Reads reads) {}
