package org.openmilkbank.logistics;

public record NewCollectionPoint(String name, CollectionPointKind kind, String address) {}
