package io.seamline.model.message;

public enum Direction {
    INBOUND,
    OUTBOUND
}
