package dev.madoguchi.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The towns (町名) of 架空県窓口市 with their postal codes, and the apartment buildings in them. Addresses are written as
 * the register writes them: full-width digits, U+3000 between the lot and a building.
 */
final class AddressBook {

    static final String PREFECTURE = "架空県";
    static final String CITY = "窓口市";
    static final String PREFIX = PREFECTURE + CITY;

    /** A town; {@code chome} 0 means a rural 大字 with 番地 instead of 丁目・番・号. */
    record Town(String name, String postalCode, int chome, int weight) {

        boolean isRural() {
            return chome == 0;
        }
    }

    record Building(Town town, String name, String lot, int floors, int roomsPerFloor) {
    }

    /** An address and the postal code of its town. */
    record Address(String text, String postalCode) {
    }

    static final List<Town> TOWNS = List.of(
            new Town("本町", "000-0011", 4, 9),
            new Town("栄町", "000-0012", 3, 7),
            new Town("駅前", "000-0013", 3, 8),
            new Town("中央", "000-0014", 5, 9),
            new Town("旭町", "000-0021", 3, 6),
            new Town("東町", "000-0022", 4, 6),
            new Town("西町", "000-0023", 4, 6),
            new Town("南町", "000-0024", 3, 5),
            new Town("北町", "000-0025", 3, 5),
            new Town("緑が丘", "000-0031", 5, 8),
            new Town("桜台", "000-0032", 4, 7),
            new Town("若葉台", "000-0033", 3, 6),
            new Town("青葉台", "000-0034", 4, 6),
            new Town("港町", "000-0041", 3, 4),
            new Town("川原町", "000-0042", 2, 3),
            new Town("新町", "000-0043", 3, 4),
            new Town("大字山田", "000-0051", 0, 2),
            new Town("大字上窓口", "000-0052", 0, 2),
            new Town("大字下窓口", "000-0053", 0, 2),
            new Town("大字高原", "000-0054", 0, 1));

    private static final List<String> BUILDING_WORDS = List.of(
            "さくら", "みどり", "ひかり", "あおば", "サン", "グリーン", "パーク", "ロイヤル", "ベル", "フォレスト",
            "リバー", "スカイ", "エスポワール", "ソレイユ", "アーバン", "コスモ", "ルミエール", "すみれ");
    private static final List<String> BUILDING_SUFFIXES = List.of(
            "ハイツ", "マンション", "レジデンス", "荘", "ハイム", "コート", "ヒルズ", "テラス");
    private static final List<String> BUILDING_PREFIXES = List.of("コーポ", "メゾン", "ヴィラ");

    /** Indexes into {@link #TOWNS}. */
    private final Weighted<Integer> towns = new Weighted<>();
    private final Weighted<Integer> urbanTowns = new Weighted<>();
    private final List<List<Building>> buildingsByTown = new ArrayList<>();

    AddressBook(long seed) {
        DemoRandom random = DemoRandom.forItem(seed, 2, 0);
        Set<String> usedNames = new HashSet<>();
        for (int index = 0; index < TOWNS.size(); index++) {
            Town town = TOWNS.get(index);
            towns.add(town.weight(), index);
            List<Building> buildings = new ArrayList<>();
            if (!town.isRural()) {
                urbanTowns.add(town.weight(), index);
                if (town.name().equals("本町")) {
                    usedNames.add("窓口ハイツ");
                    buildings.add(new Building(town, "窓口ハイツ", lot(1, 2, 3), 3, 6));
                }
                int count = 2 + town.weight() / 2;
                while (buildings.size() < count) {
                    String name = buildingName(random, town);
                    if (usedNames.add(name)) {
                        buildings.add(new Building(town, name, houseLot(random, town), random.between(2, 12),
                                random.between(3, 10)));
                    }
                }
            }
            buildingsByTown.add(List.copyOf(buildings));
        }
    }

    /** A detached house or, when {@code apartment}, a flat in one of the town's buildings. */
    Address pick(DemoRandom random, boolean apartment) {
        int index = apartment ? urbanTowns.pick(random) : towns.pick(random);
        Town town = TOWNS.get(index);
        List<Building> buildings = buildingsByTown.get(index);
        if (apartment && !buildings.isEmpty()) {
            Building building = random.pick(buildings);
            int room = random.between(1, building.floors()) * 100 + random.between(1, building.roomsPerFloor());
            return new Address(PREFIX + town.name() + building.lot() + "\u3000" + building.name()
                    + Digits.fullWidth(room) + "号室", town.postalCode());
        }
        return new Address(PREFIX + town.name() + houseLot(random, town), town.postalCode());
    }

    private static String houseLot(DemoRandom random, Town town) {
        if (town.isRural()) {
            String lot = Digits.fullWidth(random.between(1, 3_200)) + "番地";
            return random.chance(0.2) ? lot + Digits.fullWidth(random.between(1, 9)) : lot;
        }
        return lot(random.between(1, town.chome()), random.between(1, 28), random.between(1, 24));
    }

    private static String lot(int chome, int ban, int go) {
        return Digits.fullWidth(chome) + "丁目" + Digits.fullWidth(ban) + "番" + Digits.fullWidth(go) + "号";
    }

    private static String buildingName(DemoRandom random, Town town) {
        String word = random.chance(0.25) ? townStem(town) : random.pick(BUILDING_WORDS);
        return random.chance(0.3) ? random.pick(BUILDING_PREFIXES) + word : word + random.pick(BUILDING_SUFFIXES);
    }

    private static String townStem(Town town) {
        String name = town.name();
        return name.endsWith("町") && name.length() > 2 ? name.substring(0, name.length() - 1) : name;
    }
}
