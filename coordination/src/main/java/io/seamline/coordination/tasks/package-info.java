/** Human work: tasks opened for people, once per step, each with the context the person decides on and a deadline. */
package io.seamline.coordination.tasks;
