/**
 * The data report: what the knowledge base holds, which minerals and stages it covers and
 * which it does not, where sources disagree, which shares fall back to the unknown
 * supplier, which buyers have a supply mix of their own and on what assumption, which HS
 * codes and factors the trade flows were read with, and which countries only pass on what
 * they import.
 */
package org.chokepoint.datareport;
