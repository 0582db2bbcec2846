/**
 * The leaf every other package may use and that uses none of them: component specifications ({@code
 * name:p1,p2}) and the seed streams every random draw comes from.
 */
package org.ftsim.base;
