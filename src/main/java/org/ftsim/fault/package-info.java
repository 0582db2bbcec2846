/** Fault models: what faulty workers report instead of their honest gradients, and when. */
package org.ftsim.fault;
