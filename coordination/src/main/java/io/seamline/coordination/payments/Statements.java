package io.seamline.coordination.payments;

import io.seamline.adapters.persistence.Deductions;
import io.seamline.adapters.persistence.Payments;
import io.seamline.model.Page;
import io.seamline.model.Window;
import io.seamline.model.partner.PartnerId;
import io.seamline.model.payment.Deduction;
import io.seamline.model.payment.Payment;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What a partner's account with us shows: the payments we remitted and the deductions we took. */
@Service
public class Statements {

    private final Payments payments;
    private final Deductions deductions;

    public Statements(Payments payments, Deductions deductions) {
        this.payments = payments;
        this.deductions = deductions;
    }

    /** A partner's payments, newest first; every partner's for {@code partner} null. */
    public Page<Payment> payments(PartnerId partner, Window window) {
        return payments.list(partner, window);
    }

    /** A partner's deductions, newest first; every partner's for {@code partner} null. */
    public Page<Deduction> deductions(PartnerId partner, Window window) {
        return deductions.list(partner, window);
    }

    /**
     * A deduction, when {@code caller} may see it: its own partner's; any for our people ({@code caller} empty).
     * Another partner's deduction is as unknown as one that does not exist.
     */
    public Optional<Deduction> deduction(String number, Optional<PartnerId> caller) {
        return deductions.byNumber(number).filter(d -> caller.map(d.partnerId()::equals)
                .orElse(true));
    }
}
