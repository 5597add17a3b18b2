/**
 * The e-mail channel: mailboxes polled over IMAP (a mail is marked seen only once archived), mails read into the same
 * canonical events as EDI with the partners' templates and attachments, quarantine for what cannot be read or
 * comes from no partner, replies in the partner's thread, bounces recorded.
 */
package io.seamline.routes.email;
