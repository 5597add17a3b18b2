package io.seamline.coordination.erp;

import java.util.List;

/** The ERP created or changed these purchase orders (published inside the import's transaction). */
public record PurchaseOrdersImported(List<String> poNumbers) {

    public PurchaseOrdersImported {
        poNumbers = List.copyOf(poNumbers);
    }
}
