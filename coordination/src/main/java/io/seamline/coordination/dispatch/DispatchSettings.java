package io.seamline.coordination.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seamline.dispatch}: whether new ERP purchase orders are sent to suppliers ({@code orders}) and new planned
 * shipments tendered to carriers ({@code tenders}); off where the ERP sends them itself.
 */
@ConfigurationProperties("seamline.dispatch")
record DispatchSettings(Boolean orders, Boolean tenders) {

    public DispatchSettings {
        orders = orders == null || orders;
        tenders = tenders == null || tenders;
    }
}
