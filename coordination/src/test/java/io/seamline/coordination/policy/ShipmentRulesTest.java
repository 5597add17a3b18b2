package io.seamline.coordination.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamline.model.order.PurchaseOrder;
import io.seamline.model.order.PurchaseOrderLine;
import io.seamline.model.order.PurchaseOrderNumber;
import io.seamline.model.order.PurchaseOrderStatus;
import io.seamline.model.partner.PartnerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentRulesTest {

    private static final PurchaseOrderLine LINE = PurchaseOrderLine.ordered(
            "1", "WID-100", null, new BigDecimal("500"), "EA", new BigDecimal("2.5"), LocalDate.of(2026, 12, 12));

    private static final PurchaseOrder ORDER = new PurchaseOrder(
            PurchaseOrderNumber.of("4500012345"),
            PartnerId.of("acme-supply"),
            "USD",
            LocalDate.of(2026, 11, 19),
            PurchaseOrderStatus.OPEN,
            List.of(LINE));

    @Test
    void acceptsAPartialShipment() {
        var decision = ShipmentRules.asnQuantity(
                "4500012345", LINE, BigDecimal.ZERO, new BigDecimal("300"), PolicyValues.builtIn());

        assertThat(decision.applies()).isTrue();
        assertThat(decision.rationale()).contains("300 shipped of 500 ordered (partial shipment)");
    }

    @Test
    void asksAPersonWhenShipmentsExceedTheOrder() {
        var decision = ShipmentRules.asnQuantity(
                "4500012345", LINE, new BigDecimal("300"), new BigDecimal("300"), PolicyValues.builtIn());

        assertThat(decision.applies()).isFalse();
    }

    @Test
    void anEtaAfterTheNeedByDateIsADelayThatMatters() {
        var decision = ShipmentRules.delay(ORDER, LocalDate.of(2026, 12, 15).atTime(16, 0), PolicyValues.builtIn());

        assertThat(decision.applies()).isFalse();
        assertThat(decision.rationale()).contains("after the need-by date of 1 line(s) of PO 4500012345");
    }

    @Test
    void anEtaBeforeTheNeedByDateIsNoImpact() {
        assertThat(ShipmentRules.delay(ORDER, LocalDate.of(2026, 12, 11).atTime(8, 0), PolicyValues.builtIn())
                        .applies())
                .isTrue();
    }
}
