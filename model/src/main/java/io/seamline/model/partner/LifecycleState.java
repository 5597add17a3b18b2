package io.seamline.model.partner;

/**
 * Where a partner stands with one kind of document in one direction: being set up (ONBOARDING), exchanging test
 * documents (TESTING), in production (LIVE), or stopped (SUSPENDED). Only LIVE traffic changes production.
 */
public enum LifecycleState {
    ONBOARDING,
    TESTING,
    LIVE,
    SUSPENDED
}
