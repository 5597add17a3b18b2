package io.seamline.mappings.einvoice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A UBL CreditNote read as the Invoice it mirrors: the reader knows invoices' lines, not credit notes'. The root, the
 * type code, the lines and their quantity get the Invoice's names (namespace-aware: whatever prefixes the sender
 * used); the type code (381) still says it is a credit.
 */
final class CreditNotes {

    private static final String CREDIT_NOTE = EInvoices.UBL_CREDIT_NOTE;
    private static final String INVOICE = EInvoices.UBL_INVOICE;
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private CreditNotes() {}

    static byte[] asInvoice(byte[] creditNote) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(creditNote));
        Element root = document.getDocumentElement();
        document.renameNode(root, INVOICE, qualified(root, "Invoice"));
        rename(document, document.getDocumentElement());
        var out = new ByteArrayOutputStream();
        TransformerFactory transformers = TransformerFactory.newInstance();
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        transformers.newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static void rename(Document document, Element element) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e) {
                String ns = e.getNamespaceURI();
                String name = e.getLocalName();
                Element current = e;
                if (CREDIT_NOTE.equals(ns)) {
                    current = (Element) document.renameNode(e, INVOICE, qualified(e, name));
                } else if (CAC.equals(ns) && "CreditNoteLine".equals(name)) {
                    current = (Element) document.renameNode(e, CAC, qualified(e, "InvoiceLine"));
                } else if (CBC.equals(ns) && "CreditNoteTypeCode".equals(name)) {
                    current = (Element) document.renameNode(e, CBC, qualified(e, "InvoiceTypeCode"));
                } else if (CBC.equals(ns) && "CreditedQuantity".equals(name)) {
                    current = (Element) document.renameNode(e, CBC, qualified(e, "InvoicedQuantity"));
                }
                rename(document, current);
            }
        }
    }

    private static String qualified(Element element, String localName) {
        return element.getPrefix() == null ? localName : element.getPrefix() + ":" + localName;
    }
}
