package dev.madoguchi.store.register;

/** A 世帯 in the local register copy. */
public record RegisterHousehold(String householdId, String headResidentId, String address, String postalCode) {}
