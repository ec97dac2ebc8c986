package dev.madoguchi.demo;

import dev.madoguchi.domain.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Name lists: common Japanese family names, given names typical of each generation, and names per nationality. */
final class NameCatalog {

    /** A name as written and its フリガナ. */
    record Name(String written, String kana) {
    }

    /** Names of one nationality; {@code spousesKeepFamilyName} where marriage does not change the family name. */
    record Nationality(String name, List<Name> familyNames, List<Name> maleNames, List<Name> femaleNames,
            boolean spousesKeepFamilyName) {

        Name givenName(DemoRandom random, Sex sex) {
            return random.pick(givenNames(sex));
        }

        List<Name> givenNames(Sex sex) {
            return sex == Sex.FEMALE ? femaleNames : maleNames;
        }
    }

    // Register glyphs a card cannot print, and their 代替文字 (substitute characters).
    static final String TSUCHI_YOSHI = "\uD842\uDFB7"; // 𠮷 U+20BB7, a surrogate pair
    static final String HASHIGO_TAKA = "\u9AD9"; // 髙
    static final String TATSU_SAKI = "\uFA11"; // 﨑
    static final String OLD_TOKU = "\u5FB7"; // 德
    static final String OLD_NABE = "\u9089"; // 邉

    static final Map<String, String> CARD_SUBSTITUTES = Map.of(
            TSUCHI_YOSHI, "吉",
            HASHIGO_TAKA, "高",
            TATSU_SAKI, "崎",
            OLD_TOKU, "徳",
            OLD_NABE, "辺");

    /** Family names written with a rare glyph; each stands for the common spelling after it. */
    static final List<Name> RARE_FAMILY_NAMES = List.of(
            new Name(HASHIGO_TAKA + "橋", "タカハシ"),
            new Name("山" + TATSU_SAKI, "ヤマザキ"),
            new Name(TSUCHI_YOSHI + "田", "ヨシダ"),
            new Name(OLD_TOKU + "永", "トクナガ"),
            new Name("渡" + OLD_NABE, "ワタナベ"),
            new Name("宮" + TATSU_SAKI, "ミヤザキ"));

    private static final Map<String, Name> RARE_SPELLING = Map.of(
            "高橋", RARE_FAMILY_NAMES.get(0),
            "山崎", RARE_FAMILY_NAMES.get(1),
            "吉田", RARE_FAMILY_NAMES.get(2),
            "徳永", RARE_FAMILY_NAMES.get(3),
            "渡辺", RARE_FAMILY_NAMES.get(4),
            "宮崎", RARE_FAMILY_NAMES.get(5));

    private static final double RARE_SPELLING_SHARE = 0.08;

    /** Roughly in order of frequency; the weight falls with the rank. */
    private static final String[] FAMILY_NAMES = {
        "佐藤:サトウ", "鈴木:スズキ", "高橋:タカハシ", "田中:タナカ", "伊藤:イトウ", "渡辺:ワタナベ", "山本:ヤマモト",
        "中村:ナカムラ", "小林:コバヤシ", "加藤:カトウ", "吉田:ヨシダ", "山田:ヤマダ", "佐々木:ササキ", "山口:ヤマグチ",
        "松本:マツモト", "井上:イノウエ", "木村:キムラ", "林:ハヤシ", "斎藤:サイトウ", "清水:シミズ", "山崎:ヤマザキ",
        "森:モリ", "池田:イケダ", "橋本:ハシモト", "阿部:アベ", "石川:イシカワ", "山下:ヤマシタ", "中島:ナカジマ",
        "石井:イシイ", "小川:オガワ", "前田:マエダ", "岡田:オカダ", "長谷川:ハセガワ", "藤田:フジタ", "後藤:ゴトウ",
        "近藤:コンドウ", "村上:ムラカミ", "遠藤:エンドウ", "青木:アオキ", "坂本:サカモト", "斉藤:サイトウ", "福田:フクダ",
        "太田:オオタ", "西村:ニシムラ", "藤井:フジイ", "金子:カネコ", "岡本:オカモト", "藤原:フジワラ", "中野:ナカノ",
        "三浦:ミウラ", "原田:ハラダ", "松田:マツダ", "竹内:タケウチ", "小野:オノ", "田村:タムラ", "中山:ナカヤマ",
        "和田:ワダ", "石田:イシダ", "森田:モリタ", "上田:ウエダ", "原:ハラ", "内田:ウチダ", "柴田:シバタ", "酒井:サカイ",
        "宮崎:ミヤザキ", "横山:ヨコヤマ", "高木:タカギ", "安藤:アンドウ", "宮本:ミヤモト", "大野:オオノ", "小島:コジマ",
        "谷口:タニグチ", "今井:イマイ", "工藤:クドウ", "高田:タカダ", "増田:マスダ", "丸山:マルヤマ", "杉山:スギヤマ",
        "村田:ムラタ", "大塚:オオツカ", "小山:コヤマ", "藤本:フジモト", "平野:ヒラノ", "新井:アライ", "河野:コウノ",
        "上野:ウエノ", "野口:ノグチ", "武田:タケダ", "松井:マツイ", "千葉:チバ", "岩崎:イワサキ", "菅原:スガワラ",
        "木下:キノシタ", "久保:クボ", "佐野:サノ", "野村:ノムラ", "松尾:マツオ", "徳永:トクナガ", "東:ヒガシ",
        "市川:イチカワ", "菊地:キクチ", "杉本:スギモト", "大西:オオニシ", "永井:ナガイ", "荒木:アラキ",
    };

    /** Given names by birth year: the first year of each band, then male names, then female names. */
    private static final int[] GENERATION_STARTS = {0, 1946, 1966, 1986, 2006};

    private static final String[][] MALE_NAMES = {
        {"清:キヨシ", "茂:シゲル", "勇:イサム", "博:ヒロシ", "実:ミノル", "進:ススム", "正:タダシ", "武:タケシ",
            "三郎:サブロウ", "正雄:マサオ", "一郎:イチロウ", "和夫:カズオ", "弘:ヒロシ", "昭:アキラ", "勝:マサル",
            "義雄:ヨシオ", "幸雄:ユキオ", "稔:ミノル", "光男:ミツオ", "武夫:タケオ"},
        {"誠:マコト", "浩:ヒロシ", "修:オサム", "隆:タカシ", "健一:ケンイチ", "和彦:カズヒコ", "博之:ヒロユキ",
            "秀樹:ヒデキ", "哲也:テツヤ", "明:アキラ", "勝也:カツヤ", "正人:マサト", "浩二:コウジ", "直樹:ナオキ",
            "学:マナブ", "豊:ユタカ", "昭彦:アキヒコ", "裕之:ヒロユキ", "敏夫:トシオ", "清:キヨシ"},
        {"大輔:ダイスケ", "拓也:タクヤ", "直樹:ナオキ", "健太:ケンタ", "達也:タツヤ", "和也:カズヤ", "誠:マコト",
            "剛:ツヨシ", "亮:リョウ", "健:ケン", "学:マナブ", "浩之:ヒロユキ", "雄一:ユウイチ", "聡:サトシ",
            "隆之:タカユキ", "智之:トモユキ", "大介:ダイスケ", "竜也:タツヤ", "慎一:シンイチ", "秀明:ヒデアキ"},
        {"翔:ショウ", "大翔:ヒロト", "拓海:タクミ", "翔太:ショウタ", "大輝:ダイキ", "悠斗:ユウト", "陸:リク",
            "海斗:カイト", "健太:ケンタ", "拓也:タクヤ", "大樹:ダイキ", "雄大:ユウダイ", "涼:リョウ", "蓮:レン",
            "颯太:ソウタ", "優太:ユウタ", "祐介:ユウスケ", "翼:ツバサ", "光:ヒカル", "駿:シュン"},
        {"蓮:レン", "陽翔:ハルト", "湊:ミナト", "蒼:アオイ", "樹:イツキ", "悠真:ユウマ", "陽向:ヒナタ", "碧:アオイ",
            "朝陽:アサヒ", "律:リツ", "大和:ヤマト", "悠人:ユウト", "奏太:カナタ", "颯:ハヤテ", "結翔:ユイト",
            "湊斗:ミナト", "陽太:ヨウタ", "暖:ダン", "新:アラタ", "岳:ガク"},
    };

    private static final String[][] FEMALE_NAMES = {
        {"和子:カズコ", "幸子:サチコ", "節子:セツコ", "文子:フミコ", "久子:ヒサコ", "美代子:ミヨコ", "千代子:チヨコ",
            "静子:シズコ", "春子:ハルコ", "光子:ミツコ", "信子:ノブコ", "弘子:ヒロコ", "洋子:ヨウコ", "悦子:エツコ",
            "照子:テルコ", "君子:キミコ", "ハル:ハル", "キヨ:キヨ", "トミ:トミ", "良子:ヨシコ"},
        {"恵子:ケイコ", "洋子:ヨウコ", "京子:キョウコ", "由美子:ユミコ", "久美子:クミコ", "真由美:マユミ", "明美:アケミ",
            "陽子:ヨウコ", "裕子:ユウコ", "智子:トモコ", "順子:ジュンコ", "直美:ナオミ", "幸子:サチコ", "美智子:ミチコ",
            "和美:カズミ", "典子:ノリコ", "啓子:ケイコ", "恭子:キョウコ", "由紀子:ユキコ", "悦子:エツコ"},
        {"愛:アイ", "恵:メグミ", "裕子:ユウコ", "智美:トモミ", "麻衣:マイ", "美穂:ミホ", "由佳:ユカ", "絵美:エミ",
            "久美子:クミコ", "真由美:マユミ", "直子:ナオコ", "香織:カオリ", "綾:アヤ", "幸恵:サチエ", "美香:ミカ",
            "亜希子:アキコ", "奈美:ナミ", "理恵:リエ", "千春:チハル", "純子:ジュンコ"},
        {"美咲:ミサキ", "陽菜:ヒナ", "さくら:サクラ", "結衣:ユイ", "七海:ナナミ", "葵:アオイ", "彩花:アヤカ",
            "美優:ミユ", "愛美:マナミ", "萌:モエ", "舞:マイ", "彩:アヤ", "遥:ハルカ", "優花:ユウカ", "真央:マオ",
            "沙織:サオリ", "明日香:アスカ", "千尋:チヒロ", "菜々子:ナナコ", "美月:ミツキ"},
        {"陽葵:ヒマリ", "凛:リン", "結菜:ユイナ", "紬:ツムギ", "芽依:メイ", "澪:ミオ", "葵:アオイ", "咲良:サクラ",
            "結愛:ユア", "杏:アン", "莉子:リコ", "心春:コハル", "美桜:ミオ", "陽菜:ヒナ", "花:ハナ", "結月:ユヅキ",
            "杏奈:アンナ", "楓:カエデ", "さくら:サクラ", "詩:ウタ"},
    };

    static final Nationality VIETNAM = nationality("ベトナム", true,
            "NGUYEN:グエン TRAN:チャン LE:レ PHAM:ファム HOANG:ホアン VU:ヴー DANG:ダン BUI:ブイ DO:ド",
            "VAN NAM:ヴァン　ナム|VAN HUNG:ヴァン　フン|DUC ANH:ドゥック　アイン|MINH TUAN:ミン　トゥアン"
                    + "|QUANG HUY:クアン　フイ|VAN DUNG:ヴァン　ズン",
            "THI HOA:ティ　ホア|THI LAN:ティ　ラン|THU TRANG:トゥー　チャン|NGOC ANH:ゴック　アイン"
                    + "|THI MAI:ティ　マイ|THI HUONG:ティ　フオン");
    static final Nationality CHINA = nationality("中国", true,
            "WANG:ワン LI:リ ZHANG:チャン LIU:リュウ CHEN:チェン YANG:ヤン ZHAO:チャオ HUANG:ホワン ZHOU:チョウ WU:ウー",
            "WEI:ウェイ|HAO:ハオ|JUN:ジュン|LEI:レイ|QIANG:チアン|YONG:ヨン|JIANHUA:ジエンホワ",
            "FANG:ファン|JING:ジン|NA:ナ|YAN:イエン|XIU:シウ|MEI:メイ|XIAOLING:シャオリン");
    static final Nationality KOREA = nationality("韓国", true,
            "KIM:キム LEE:イ PARK:パク CHOI:チェ JUNG:チョン KANG:カン CHO:チョ YOON:ユン",
            "MINJUN:ミンジュン|JIHOON:ジフン|SUNGHO:ソンホ|YOUNGSOO:ヨンス|DONGHYUN:ドンヒョン|SEUNGWOO:スンウ"
                    + "|CHULSOO:チョルス|YOUNGHO:ヨンホ",
            "SEOYEON:ソヨン|HYEJIN:ヘジン|MINJI:ミンジ|JIYOUNG:ジヨン|SOOJIN:スジン|EUNJI:ウンジ|YOUNGJA:ヨンジャ"
                    + "|SOONJA:スンジャ");
    static final Nationality NORTH_KOREA_REGISTERED = nationality("朝鮮", true,
            "KIM:キム LEE:イ PARK:パク KO:コ HAN:ハン",
            "CHULSOO:チョルス|YOUNGHO:ヨンホ|SUNGIL:ソンイル",
            "YOUNGJA:ヨンジャ|SOONJA:スンジャ|OKJA:オクジャ");
    static final Nationality PHILIPPINES = nationality("フィリピン", false,
            "SANTOS:サントス REYES:レイエス CRUZ:クルス GARCIA:ガルシア BAUTISTA:バウティスタ MENDOZA:メンドーサ"
                    + " RAMOS:ラモス",
            "JOSE:ホセ|MARK:マーク|JOHN PAUL:ジョン　ポール|RAMON:ラモン|ANGELO:アンジェロ",
            "MARIA CRISTINA:マリア　クリスティーナ|ANGELICA:アンジェリカ|JOCELYN:ジョセリン|MARICEL:マリセル"
                    + "|ROSALIE:ロザリー|JENNIFER:ジェニファー");
    static final Nationality BRAZIL = nationality("ブラジル", false,
            "SILVA:シルバ SANTOS:サントス OLIVEIRA:オリヴェイラ SOUZA:ソウザ PEREIRA:ペレイラ COSTA:コスタ"
                    + " HIGA:ヒガ NAKASHIMA:ナカシマ",
            "LUCAS:ルーカス|GABRIEL:ガブリエル|RAFAEL:ラファエル|PEDRO:ペドロ|MATEUS:マテウス"
                    + "|CARLOS EDUARDO:カルロス　エドゥアルド",
            "ANA:アナ|JULIANA:ジュリアナ|FERNANDA:フェルナンダ|BEATRIZ:ベアトリス|MARIANA:マリアナ|CAMILA:カミラ");
    static final Nationality NEPAL = nationality("ネパール", false,
            "GURUNG:グルン TAMANG:タマン SHRESTHA:シュレスタ RAI:ライ THAPA:タパ MAGAR:マガル ADHIKARI:アディカリ",
            "RAJESH:ラジェシュ|BIKASH:ビカス|SURESH:スレシュ|RAM:ラム|KUMAR:クマール|DIPAK:ディパク",
            "SITA:シタ|ANITA:アニタ|SABINA:サビナ|GITA:ギタ|SUNITA:スニタ");
    static final Nationality INDONESIA = nationality("インドネシア", true,
            "SANTOSO:サントソ WIJAYA:ウィジャヤ HIDAYAT:ヒダヤット SAPUTRA:サプトラ PRATAMA:プラタマ"
                    + " KURNIAWAN:クルニアワン SETIAWAN:セティアワン",
            "AGUS:アグス|BUDI:ブディ|RIZKY:リズキ|DIMAS:ディマス|FAJAR:ファジャル",
            "SITI:シティ|DEWI:デウィ|PUTRI:プトゥリ|AYU:アユ|RINA:リナ");
    static final Nationality USA = nationality("米国", false,
            "SMITH:スミス JOHNSON:ジョンソン WILLIAMS:ウィリアムズ BROWN:ブラウン MILLER:ミラー DAVIS:デイビス"
                    + " WILSON:ウィルソン",
            "JOHN:ジョン|MICHAEL:マイケル|DAVID:デイビッド|JAMES:ジェームズ|ROBERT:ロバート|DANIEL:ダニエル",
            "EMILY:エミリー|SARAH:サラ|JESSICA:ジェシカ|JENNIFER:ジェニファー|ASHLEY:アシュリー|ELIZABETH:エリザベス");
    static final Nationality THAILAND = nationality("タイ", true,
            "SRISUK:シースック WONGSAWAT:ウォンサワット CHAIYAPORN:チャイヤポーン SUKSAWAT:スックサワット",
            "SOMCHAI:ソムチャイ|ANAN:アナン|KITTI:キッティ",
            "MALEE:マリー|SUDA:スダー|PORNTIP:ポーンティップ|NARUMON:ナルモン");

    private final Weighted<Name> familyNames = new Weighted<>();
    private final List<List<Name>> maleNames = new ArrayList<>();
    private final List<List<Name>> femaleNames = new ArrayList<>();

    NameCatalog() {
        for (int rank = 0; rank < FAMILY_NAMES.length; rank++) {
            familyNames.add(2_000 / (rank + 4), name(FAMILY_NAMES[rank]));
        }
        for (String[] band : MALE_NAMES) {
            maleNames.add(names(band));
        }
        for (String[] band : FEMALE_NAMES) {
            femaleNames.add(names(band));
        }
    }

    /** A common family name; now and then written with the rare glyph a register may hold (髙橋, 渡邉 …). */
    Name familyName(DemoRandom random) {
        Name name = familyNames.pick(random);
        Name rare = RARE_SPELLING.get(name.written());
        return rare != null && random.chance(RARE_SPELLING_SHARE) ? rare : name;
    }

    /** A given name typical of people born in {@code birthYear}. */
    Name givenName(DemoRandom random, Sex sex, int birthYear) {
        return random.pick(givenNames(sex, birthYear));
    }

    /** The given names typical of people born in {@code birthYear}. */
    List<Name> givenNames(Sex sex, int birthYear) {
        int band = 0;
        for (int i = 0; i < GENERATION_STARTS.length; i++) {
            if (birthYear >= GENERATION_STARTS[i]) {
                band = i;
            }
        }
        return sex == Sex.FEMALE ? femaleNames.get(band) : maleNames.get(band);
    }

    /** The name a card prints for a register name: rare glyphs replaced by their 代替文字. */
    static String cardText(String registerText) {
        if (!containsCardSubstitute(registerText)) {
            return registerText;
        }
        StringBuilder out = new StringBuilder(registerText.length());
        for (int i = 0; i < registerText.length(); ) {
            int next = i + Character.charCount(registerText.codePointAt(i));
            String glyph = registerText.substring(i, next);
            out.append(CARD_SUBSTITUTES.getOrDefault(glyph, glyph));
            i = next;
        }
        return out.toString();
    }

    private static boolean containsCardSubstitute(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uD842' || c == '\u9AD9' || c == '\uFA11' || c == '\u5FB7' || c == '\u9089') {
                return true;
            }
        }
        return false;
    }

    private static Nationality nationality(String name, boolean spousesKeepFamilyName, String familyNames,
            String maleNames, String femaleNames) {
        return new Nationality(name, names(familyNames.split(" ")), names(maleNames.split("\\|")),
                names(femaleNames.split("\\|")), spousesKeepFamilyName);
    }

    private static List<Name> names(String[] entries) {
        List<Name> names = new ArrayList<>(entries.length);
        for (String entry : entries) {
            names.add(name(entry));
        }
        return List.copyOf(names);
    }

    private static Name name(String entry) {
        int colon = entry.indexOf(':');
        return new Name(entry.substring(0, colon), entry.substring(colon + 1));
    }
}
