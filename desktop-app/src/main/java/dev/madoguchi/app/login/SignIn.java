package dev.madoguchi.app.login;

import dev.madoguchi.app.store.StoreSummary;

/** Signs a clerk in to the local store; runs on the store-writer lane. */
@FunctionalInterface
public interface SignIn {
    StoreSummary signIn(String clerkId, char[] passphrase);
}
