/**
 * TensorBoard event files: ftsim's runs written as TFRecord-framed {@code Event} protocol buffers
 * with the prototype's scalar tags, and event files of other runs read back into result rows.
 */
package org.ftsim.tensorboard;
