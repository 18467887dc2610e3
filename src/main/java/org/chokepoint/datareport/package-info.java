/**
 * The data report: what the knowledge base holds, which minerals and stages it covers and which
 * it does not, where sources disagree, and which shares fall back to the unknown supplier.
 */
package org.chokepoint.datareport;
