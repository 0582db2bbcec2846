/**
 * The float-vector kernels that the rules, the correction and the driver's metrics share: dot
 * products, norms and finiteness, each in one fixed summation order.
 */
package org.ftsim.linalg;
