package io.seamline.adapters.persistence;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State a repository keeps for the current transaction only, registered as one of its synchronizations: it ends with
 * the transaction, and a transaction started with {@code REQUIRES_NEW} inside another has its own.
 */
final class TransactionScoped {

    /** A synchronization that belongs to one repository's helper. */
    interface Owned extends TransactionSynchronization {
        Object owner();
    }

    private TransactionScoped() {}

    /**
     * The owner's state in the current transaction: the one registered, else a new one from {@code create}, or null
     * outside a transaction (or when {@code create} is null and there is none yet).
     */
    static <S extends Owned> S current(Object owner, Class<S> type, Supplier<S> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(registered) && ((Owned) registered).owner() == owner) {
                return type.cast(registered);
            }
        }
        if (create == null) {
            return null;
        }
        S state = create.get();
        TransactionSynchronizationManager.registerSynchronization(state);
        return state;
    }
}
