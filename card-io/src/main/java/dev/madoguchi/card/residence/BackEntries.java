package dev.madoguchi.card.residence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the chip holds of the card's back side (DF2). Codes are kept as stored.
 *
 * <p>Second generation: {@code D5} comprehensive permission outside status ({@code 0} none, {@code 1} up to 28 hours a
 * week, {@code 2} up to 28 hours a week for education …), {@code D6} its expiry, {@code D7} individual permission
 * ({@code 1} exists), {@code D8} application for extension or change pending ({@code 1}), {@code D9} a note by the
 * Commissioner is recorded ({@code 1}), {@code DE} reserved text.
 *
 * <p>First generation: the addresses written on the back ({@code D4} date, {@code D2} municipality code,
 * {@code D3} address text decoded from Shift_JIS X 0213 / JIS X 0208), and the permission and application fields
 * ({@code D5}–{@code D7}) as text.
 *
 * @param addresses first generation only: every address entry in the order the chip holds them (the newest last)
 */
public record BackEntries(Optional<String> comprehensivePermission, Optional<LocalDate> comprehensivePermissionUntil,
        Optional<String> individualPermission, Optional<String> applicationPending, Optional<String> commissionerNote,
        Optional<String> reserved, List<AddressEntry> addresses) {

    public static final BackEntries NONE = new BackEntries(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public BackEntries {
        Objects.requireNonNull(comprehensivePermission, "comprehensivePermission");
        Objects.requireNonNull(comprehensivePermissionUntil, "comprehensivePermissionUntil");
        Objects.requireNonNull(individualPermission, "individualPermission");
        Objects.requireNonNull(applicationPending, "applicationPending");
        Objects.requireNonNull(commissionerNote, "commissionerNote");
        Objects.requireNonNull(reserved, "reserved");
        addresses = List.copyOf(addresses);
    }

    /**
     * One address written on a first-generation card's back.
     *
     * @param writtenOn {@code D4}, empty when the chip holds no valid date
     * @param municipalityCode {@code D2} as stored
     * @param address {@code D3}, exact text (full-width characters kept)
     */
    public record AddressEntry(Optional<LocalDate> writtenOn, String municipalityCode, String address) {
        public AddressEntry {
            Objects.requireNonNull(writtenOn, "writtenOn");
            Objects.requireNonNull(municipalityCode, "municipalityCode");
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() {
            return "AddressEntry[…]";
        }
    }

    /** The newest address (first generation), if any. */
    public Optional<AddressEntry> currentAddress() {
        return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.get(addresses.size() - 1));
    }

    @Override
    public String toString() {
        return "BackEntries[" + addresses.size() + " addresses, …]";
    }
}
