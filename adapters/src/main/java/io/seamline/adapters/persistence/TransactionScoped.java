package io.seamline.adapters.persistence;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State a repository keeps for the current transaction only: bound to the transaction as a resource under its
 * owner (a lookup per call, not a scan of the synchronizations), registered as a synchronization so that it ends
 * with the transaction, and put aside while a {@code REQUIRES_NEW} transaction runs inside it (which gets its own).
 */
final class TransactionScoped {

    /** A synchronization that belongs to one repository's helper, bound under that helper while its transaction runs. */
    interface Owned extends TransactionSynchronization {

        Object owner();

        @Override
        default void suspend() {
            TransactionSynchronizationManager.unbindResource(owner());
        }

        @Override
        default void resume() {
            TransactionSynchronizationManager.bindResource(owner(), this);
        }

        @Override
        default void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner());
        }
    }

    private TransactionScoped() {}

    /**
     * The owner's state in the current transaction: the one bound, else a new one from {@code create}, or null outside
     * a transaction (or when {@code create} is null and there is none yet).
     */
    static <S extends Owned> S current(Object owner, Class<S> type, Supplier<S> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(owner);
        if (bound != null || create == null) {
            return type.cast(bound);
        }
        S state = create.get();
        TransactionSynchronizationManager.bindResource(owner, state);
        TransactionSynchronizationManager.registerSynchronization(state);
        return state;
    }
}
