/** Human work: tasks listed for people, and their decisions, which continue the workflow they came from. */
package io.seamline.routes.tasks;
