package io.seamline.model.partner;

/**
 * What becomes of production traffic of a kind that is not LIVE for its partner: processed as test traffic
 * (nothing of production changes; the default), or refused with the acknowledgement saying why.
 */
public enum NotLiveTraffic {
    TEST,
    REFUSE
}
