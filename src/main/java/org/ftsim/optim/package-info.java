/** Optimizers on flat parameter vectors (heavy-ball SGD, Adam) and the learning-rate scaling. */
package org.ftsim.optim;
