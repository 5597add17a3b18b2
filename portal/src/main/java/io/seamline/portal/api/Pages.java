package io.seamline.portal.api;

import io.seamline.model.Page;
import io.seamline.model.partner.Partner;
import io.seamline.portal.api.SlaApi.ExpectationView;
import io.seamline.portal.api.Views.MessageView;
import io.seamline.portal.api.Views.PurchaseOrderView;
import io.seamline.portal.api.Views.ShipmentView;
import io.seamline.portal.api.Views.TaskView;
import java.util.List;

/**
 * The API's paged answers, one type per list, so that the published contract says what each list holds (one generic
 * page collapsed them into one schema). Each is {@code {items, total, limit, offset}}.
 */
public final class Pages {

    private Pages() {}

    /** Makes a list's own page from a page of its items. */
    interface Of<T, P> {
        P page(List<T> items, long total, int limit, int offset);
    }

    static <T, P> P of(Page<T> page, Of<T, P> type) {
        return type.page(page.items(), page.total(), page.limit(), page.offset());
    }

    public record PartnerPage(List<Partner> items, long total, int limit, int offset) {}

    public record PurchaseOrderPage(List<PurchaseOrderView> items, long total, int limit, int offset) {}

    public record ShipmentPage(List<ShipmentView> items, long total, int limit, int offset) {}

    public record MessagePage(List<MessageView> items, long total, int limit, int offset) {}

    public record TaskPage(List<TaskView> items, long total, int limit, int offset) {}

    public record BreachPage(List<ExpectationView> items, long total, int limit, int offset) {}
}
