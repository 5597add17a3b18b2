package io.seamline.coordination.sla;

import io.seamline.adapters.delivery.DeliverySettings;
import io.seamline.adapters.delivery.Drain;
import io.seamline.adapters.delivery.HttpPost;
import io.seamline.adapters.delivery.MailSender;
import io.seamline.adapters.delivery.Transfer;
import io.seamline.adapters.delivery.TransferFailed;
import io.seamline.adapters.persistence.Alerts;
import io.seamline.model.sla.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending SLA alerts: mails over the gateway's SMTP server, webhooks as JSON POSTs. Each alert is locked while
 * it is sent; a failure is retried with the outbox's backoff and given up after its attempts.
 */
@Service
public class AlertDelivery {

    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

    private final Alerts alerts;
    private final MailSender mails;
    private final HttpPost http;
    private final DeliverySettings delivery;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AlertDelivery(
            Alerts alerts,
            MailSender mails,
            HttpPost http,
            DeliverySettings delivery,
            TransactionTemplate transactions,
            Clock clock) {
        this.alerts = alerts;
        this.mails = mails;
        this.http = http;
        this.delivery = delivery;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends batch after batch while each comes back full ({@link Drain}); returns how many were attempted. */
    public int sendAllDue() {
        return Drain.whileFull(delivery.batch(), this::sendDue);
    }

    /** Sends one batch of due alerts; returns how many were attempted. */
    private int sendDue() {
        Integer attempted = transactions.execute(tx -> {
            List<Alert> due = alerts.claimDue(clock.instant(), delivery.batch());
            due.forEach(this::attempt);
            return due.size();
        });
        return attempted == null ? 0 : attempted;
    }

    private void attempt(Alert alert) {
        var transfer = new Transfer(
                alert.target(),
                "alert-" + alert.id(),
                alert.mediaType(),
                alert.content(),
                alert.id().toString());
        try {
            if (alert.channel() == Alert.Channel.EMAIL) {
                mails.send(transfer);
            } else {
                http.send(transfer);
            }
            alerts.sent(alert.id(), clock.instant());
        } catch (TransferFailed e) {
            int attempts = alert.attempts() + 1;
            Instant next = e.permanent() || attempts >= delivery.maxAttempts()
                    ? null
                    : clock.instant().plus(delivery.backoffAfter(attempts));
            log.warn(
                    "SLA alert {} to {} failed (attempt {}): {}", alert.id(), alert.target(), attempts, e.getMessage());
            alerts.attemptFailed(alert.id(), e.getMessage(), next);
        }
    }
}
