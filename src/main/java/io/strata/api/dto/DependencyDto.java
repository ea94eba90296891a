package io.strata.api.dto;

/** A DependencyDto is one edge of a subject's dependencies: the other subject and how they are related. */
public record DependencyDto(String subject, String kind) {
}
