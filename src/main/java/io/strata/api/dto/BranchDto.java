package io.strata.api.dto;

import io.strata.registry.Branch;

/** A BranchDto is a subject's branch as the API answers it. */
public record BranchDto(String name, int baseVersion, String state, String createdAt) {

    public static BranchDto of(Branch b) {
        return new BranchDto(b.name(), b.baseVersion(), b.state(), b.createdAt().toString());
    }
}
