/** The append-only, hash-chained audit trail: events and the chain's verification. JDK only. */
package io.strata.audit;
