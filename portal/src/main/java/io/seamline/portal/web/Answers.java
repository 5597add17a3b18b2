package io.seamline.portal.web;

import io.seamline.routes.pipeline.Received;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page answers a form it sent: with htmx, the answer replaces the form's result area in place (a refusal with
 * its reasons, or the outcome that updates itself until the gateway has decided); without script, the browser goes
 * back to the page, which shows the same answer. A form about something the caller cannot reach is answered with the
 * Not found page.
 */
public final class Answers {

    /** The fragment that shows a submission's answer. */
    public static final String FRAGMENT = "portal/fragments :: received";

    private Answers() {}

    /** Whether the request came from htmx (a partial update) rather than a plain form post. */
    public static boolean partial(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /**
     * The answer to a submission: the fragment for htmx, else a redirect to {@code page} carrying the answer (the
     * page renders {@code received} when it is there).
     */
    public static String to(
            Received received, HttpServletRequest request, Model model, RedirectAttributes redirect, String page) {
        if (received instanceof Received.Refused refused && refused.reason() == Received.Reason.NOT_FOUND) {
            // what the caller may not reach is the same Not found page as what does not exist, for a form as for a read
            throw new PageNotFound(refused.detail());
        }
        if (partial(request)) {
            model.addAttribute("received", received);
            return FRAGMENT;
        }
        redirect.addFlashAttribute("received", received);
        return "redirect:" + page;
    }
}
