package dev.madoguchi.sync.backend;

import java.util.UUID;

/** The backend's answer to one item of a batch: 201/200 with a receipt, or a status with a problem. */
public record BatchItemResult(UUID id, int status, Receipt receipt, Problem problem) {}
