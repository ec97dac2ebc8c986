package dev.madoguchi.sync.backend;

/** The backend's acknowledgement of a message: the same on every repeat of the same id. */
public record Receipt(String id, String receiptNumber, String receivedAt) {}
