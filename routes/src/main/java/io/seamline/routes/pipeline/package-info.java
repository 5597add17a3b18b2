/**
 * The inbound pipeline: intake archives the bytes before anything else, then each message runs, in one database
 * transaction, through normalize (EDI engine or JSON into canonical events), correlate, coordinate, respond,
 * acknowledge and complete. A message left RECEIVED by a crash is picked up again; every step is keyed, so running a
 * message twice never doubles an effect.
 */
package io.seamline.routes.pipeline;
