package dev.madoguchi.demo;

import static dev.madoguchi.demo.Fixtures.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AddressTest {

    private static final String NUMBER = "[１-９][０-９]*";
    private static final Pattern ADDRESS = Pattern.compile("架空県窓口市(?<town>[^０-９\\u3000 ]+)"
            + "(" + NUMBER + "丁目" + NUMBER + "番" + NUMBER + "号|" + NUMBER + "番地(" + NUMBER + ")?)"
            + "(\\u3000[^０-９\\u3000 ]+" + NUMBER + "号室)?");

    private static List<String> addresses() {
        return DEFAULT.households().stream().map(Household::address).toList();
    }

    @Test
    void addressesAreInTheFictionalCityWithFullWidthDigits() {
        assertThat(addresses()).allSatisfy(address -> {
            assertThat(address).matches(ADDRESS);
            assertThat(address).doesNotContainPattern("[0-9 ]");
        });
        assertThat(addresses()).anySatisfy(address -> assertThat(address).contains("丁目"));
        assertThat(addresses()).anySatisfy(address -> assertThat(address).contains("番地"));
    }

    @Test
    void apartmentsPutAnIdeographicSpaceBeforeTheBuildingAndEndWithTheRoom() {
        List<String> apartments = addresses().stream().filter(a -> a.contains("\u3000")).toList();

        assertThat(apartments).hasSizeGreaterThan(addresses().size() / 5).allSatisfy(address -> {
            assertThat(address).endsWith("号室");
            assertThat(address.indexOf('\u3000')).isEqualTo(address.lastIndexOf('\u3000'));
            assertThat(address.substring(0, address.indexOf('\u3000'))).endsWith("号");
        });
    }

    @Test
    void postalCodesAreFictionalAndOnePerTown() {
        Map<String, Set<String>> postalCodesByTown = DEFAULT.households().stream().collect(Collectors.groupingBy(
                h -> town(h.address()), Collectors.mapping(Household::postalCode, Collectors.toSet())));
        Map<String, Set<String>> townsByPostalCode = DEFAULT.households().stream().collect(Collectors.groupingBy(
                Household::postalCode, Collectors.mapping(h -> town(h.address()), Collectors.toSet())));

        assertThat(postalCodesByTown).hasSizeGreaterThan(10);
        assertThat(postalCodesByTown.values()).allSatisfy(codes -> assertThat(codes).hasSize(1));
        assertThat(townsByPostalCode.values()).allSatisfy(towns -> assertThat(towns).hasSize(1));
        assertThat(townsByPostalCode.keySet()).allSatisfy(code -> assertThat(code).matches("000-\\d{4}"));
    }

    @Test
    void theHouseholdAddressIsTheOneOnEveryMembersCard() {
        assertThat(Fixtures.RESIDENTS).filteredOn(r -> r.card() != null)
                .allSatisfy(r -> assertThat(r.card().addressOnCard()).isEqualTo(r.address()));
    }

    private static String town(String address) {
        Matcher matcher = ADDRESS.matcher(address);
        assertThat(matcher.matches()).isTrue();
        return matcher.group("town");
    }
}
