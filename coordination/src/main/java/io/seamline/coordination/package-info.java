/**
 * What happens to each kind of partner document, with no Camel in sight: correlation inside the sender's relationship,
 * decisions by named policies, tasks for people, SLA expectations, the timeline, the answers and the partners. One
 * folder per document kind says how that kind is correlated, decided, answered and which expectations it opens and
 * meets; everything a workflow does to the world goes through the {@code effects} port. The routes module wires
 * these steps into the pipeline and the channels.
 */
package io.seamline.coordination;
