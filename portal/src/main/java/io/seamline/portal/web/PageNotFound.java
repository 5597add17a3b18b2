package io.seamline.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page about something that does not exist or that the signed-in partner may not see: the same 404 either way,
 * so a partner learns nothing of another partner's objects by guessing their URLs.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFound extends RuntimeException {

    public PageNotFound(String what) {
        super(what + " not found");
    }
}
