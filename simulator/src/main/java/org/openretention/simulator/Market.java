package org.openretention.simulator;

import org.openretention.simulator.Catalogue.Currency;

import java.util.Locale;

/**
 * Where a customer shops from: locale, country, currency and UTC offset (for the daily rhythm), and how names and
 * phone numbers look there. Most customers are in mainland China and pay in CNY.
 */
public enum Market {
    CN_ZH("zh-CN", "CN", Currency.CNY, 8, 0.740),
    CN_EN("en-GB", "CN", Currency.CNY, 8, 0.035),
    HK_ZH("zh-HK", "HK", Currency.CNY, 8, 0.025),
    DE("de-DE", "DE", Currency.EUR, 1, 0.045),
    FR("fr-FR", "FR", Currency.EUR, 1, 0.030),
    NL("nl-NL", "NL", Currency.EUR, 1, 0.015),
    ES("es-ES", "ES", Currency.EUR, 1, 0.015),
    IE("en-IE", "IE", Currency.EUR, 0, 0.015),
    US("en-US", "US", Currency.USD, -5, 0.070),
    US_ZH("zh-US", "US", Currency.USD, -8, 0.010);

    private static final Market[] VALUES = values();
    private static final double[] WEIGHTS = new double[VALUES.length];

    static {
        for (Market m : VALUES) {
            WEIGHTS[m.ordinal()] = m.share;
        }
    }

    final String locale;
    final String country;
    final Currency currency;
    final int utcOffsetHours;
    final double share;

    Market(String locale, String country, Currency currency, int utcOffsetHours, double share) {
        this.locale = locale;
        this.country = country;
        this.currency = currency;
        this.utcOffsetHours = utcOffsetHours;
        this.share = share;
    }

    public static Market draw(CustomerRandom rng) {
        return VALUES[rng.weighted(WEIGHTS)];
    }

    /** Customers with a {@code zh} locale write in Chinese, all others in English. */
    public boolean chinese() {
        return locale.startsWith("zh");
    }

    public String language() {
        return chinese() ? "zh" : "en";
    }

    // ---------------------------------------------------------------- names, e-mail addresses, phone numbers

    private static final String[][] SURNAMES = {
            {"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"刘", "liu"}, {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"},
            {"赵", "zhao"}, {"吴", "wu"}, {"周", "zhou"}, {"徐", "xu"}, {"孙", "sun"}, {"马", "ma"}, {"朱", "zhu"},
            {"胡", "hu"}, {"郭", "guo"}, {"何", "he"}, {"高", "gao"}, {"林", "lin"}, {"罗", "luo"}, {"郑", "zheng"},
            {"梁", "liang"}, {"谢", "xie"}, {"宋", "song"}, {"唐", "tang"}, {"许", "xu"}, {"韩", "han"}, {"冯", "feng"}};
    private static final String[][] GIVEN_NAMES = {
            {"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"秀英", "xiuying"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
            {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"}, {"杰", "jie"},
            {"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"秀兰", "xiulan"}, {"霞", "xia"}, {"平", "ping"},
            {"刚", "gang"}, {"子涵", "zihan"}, {"浩然", "haoran"}, {"一诺", "yinuo"}, {"欣怡", "xinyi"}, {"梓轩", "zixuan"},
            {"雨桐", "yutong"}, {"宇航", "yuhang"}, {"思远", "siyuan"}, {"佳怡", "jiayi"}, {"俊杰", "junjie"}};
    private static final String[] FIRST_DE = {"Lukas", "Anna", "Felix", "Lea", "Jonas", "Marie", "Paul", "Sophie", "Leon", "Hannah", "Elias", "Emma"};
    private static final String[] LAST_DE = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch"};
    private static final String[] FIRST_FR = {"Louis", "Chloé", "Hugo", "Camille", "Jules", "Manon", "Arthur", "Léa", "Nathan", "Inès"};
    private static final String[] LAST_FR = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"};
    private static final String[] FIRST_NL = {"Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Levi", "Tess", "Finn", "Sara"};
    private static final String[] LAST_NL = {"de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer"};
    private static final String[] FIRST_ES = {"Hugo", "Lucía", "Mateo", "Sofía", "Martín", "Martina", "Pablo", "María", "Daniel", "Paula"};
    private static final String[] LAST_ES = {"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez"};
    private static final String[] FIRST_EN = {"James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Mia", "Jack", "Grace", "Ethan", "Chloe", "Ryan", "Emily"};
    private static final String[] LAST_EN = {"Smith", "Johnson", "Brown", "Murphy", "Walsh", "Kelly", "Miller", "Davis", "Wilson", "Taylor", "Byrne", "Clark"};
    private static final String[] MAIL_DOMAINS = {"example.com", "example.net", "example.org"};

    /** A display name and the local part of an e-mail address for it. */
    public String[] nameAndMailbox(CustomerRandom rng) {
        if (this == CN_ZH || this == HK_ZH || this == US_ZH) {
            String[] s = rng.pick(SURNAMES);
            String[] g = rng.pick(GIVEN_NAMES);
            String mailbox = rng.chance(0.5) ? s[1] + "." + g[1] : g[1] + s[1] + (10 + rng.nextInt(90));
            return new String[]{s[0] + g[0], mailbox};
        }
        String[] first;
        String[] last;
        switch (this) {
            case DE -> { first = FIRST_DE; last = LAST_DE; }
            case FR -> { first = FIRST_FR; last = LAST_FR; }
            case NL -> { first = FIRST_NL; last = LAST_NL; }
            case ES -> { first = FIRST_ES; last = LAST_ES; }
            default -> { first = FIRST_EN; last = LAST_EN; }
        }
        String f = rng.pick(first);
        String l = rng.pick(last);
        String mailbox = ascii(f) + "." + ascii(l) + (rng.chance(0.4) ? String.valueOf(1 + rng.nextInt(99)) : "");
        return new String[]{f + " " + l, mailbox};
    }

    public String email(String mailbox, CustomerRandom rng) {
        return mailbox + "@" + rng.pick(MAIL_DOMAINS);
    }

    public String phone(CustomerRandom rng) {
        return switch (country) {
            case "CN" -> String.format(Locale.ROOT, "+86 1%d%d %04d %04d", 3 + rng.nextInt(7), rng.nextInt(10), rng.nextInt(10000), rng.nextInt(10000));
            case "HK" -> String.format(Locale.ROOT, "+852 %d%03d %04d", 5 + rng.nextInt(5), rng.nextInt(1000), rng.nextInt(10000));
            case "DE" -> String.format(Locale.ROOT, "+49 15%d %07d", 1 + rng.nextInt(9), rng.nextInt(10_000_000));
            case "FR" -> String.format(Locale.ROOT, "+33 6 %02d %02d %02d %02d", rng.nextInt(100), rng.nextInt(100), rng.nextInt(100), rng.nextInt(100));
            case "NL" -> String.format(Locale.ROOT, "+31 6 %08d", rng.nextInt(100_000_000));
            case "ES" -> String.format(Locale.ROOT, "+34 6%02d %03d %03d", rng.nextInt(100), rng.nextInt(1000), rng.nextInt(1000));
            case "IE" -> String.format(Locale.ROOT, "+353 8%d %03d %04d", 3 + rng.nextInt(7), rng.nextInt(1000), rng.nextInt(10000));
            default -> String.format(Locale.ROOT, "+1 %03d 555 01%02d", 201 + rng.nextInt(700), rng.nextInt(100));
        };
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^a-z]");

    private static String ascii(String name) {
        String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_LETTERS.matcher(n).replaceAll("");
    }
}
