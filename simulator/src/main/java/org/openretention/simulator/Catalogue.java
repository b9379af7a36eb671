package org.openretention.simulator;

import java.util.Locale;

/**
 * The shop's catalogue: eight categories of a few hundred SKUs each, with prices in CNY (the reference currency)
 * and derived EUR/USD shelf prices. The catalogue is the same for every seed (it is the shop, not the traffic).
 */
public final class Catalogue {

    /** Product categories, the values carried in {@code category}. */
    public enum Category {
        ELECTRONICS("ele", 899, 0.85, 0.8, new String[]{"蓝牙耳机", "充电宝", "智能手表", "蓝牙音箱", "手机壳", "数据线", "平板电脑", "机械键盘", "无线鼠标", "移动硬盘", "电动牙刷", "路由器"},
                new String[]{"wireless earbuds", "power bank", "smart watch", "bluetooth speaker", "phone case", "charging cable", "tablet", "mechanical keyboard", "wireless mouse", "portable SSD", "electric toothbrush", "wifi router"}),
        BEAUTY("bea", 159, 0.6, 1.2, new String[]{"面霜", "口红", "精华液", "面膜", "防晒霜", "洗面奶", "香水", "眼霜", "粉底液", "卸妆水"},
                new String[]{"face cream", "lipstick", "serum", "sheet mask", "sunscreen", "cleanser", "perfume", "eye cream", "foundation", "micellar water"}),
        FASHION("fas", 229, 0.6, 1.3, new String[]{"连衣裙", "卫衣", "牛仔裤", "运动鞋", "羽绒服", "衬衫", "T恤", "围巾", "双肩包", "帽子"},
                new String[]{"dress", "hoodie", "jeans", "sneakers", "down jacket", "shirt", "T-shirt", "scarf", "backpack", "cap"}),
        HOME("hom", 189, 0.7, 1.0, new String[]{"四件套床品", "保温杯", "收纳盒", "台灯", "不粘锅", "毛巾", "香薰蜡烛", "抱枕", "拖把", "餐具套装"},
                new String[]{"bedding set", "thermos", "storage box", "desk lamp", "non-stick pan", "towel set", "scented candle", "cushion", "mop", "dinnerware set"}),
        GROCERY("gro", 49, 0.6, 1.4, new String[]{"绿茶", "坚果礼盒", "咖啡豆", "大米", "橄榄油", "零食大礼包", "蜂蜜", "牛奶", "巧克力", "方便面"},
                new String[]{"green tea", "mixed nuts", "coffee beans", "rice", "olive oil", "snack box", "honey", "milk", "chocolate", "instant noodles"}),
        BABY("bab", 129, 0.6, 0.7, new String[]{"纸尿裤", "奶粉", "婴儿湿巾", "奶瓶", "婴儿推车", "儿童玩具", "宝宝辅食", "婴儿连体衣"},
                new String[]{"diapers", "infant formula", "baby wipes", "baby bottle", "stroller", "toy", "baby food", "baby bodysuit"}),
        SPORTS("spo", 259, 0.7, 0.8, new String[]{"瑜伽垫", "跑步鞋", "哑铃", "运动水壶", "骑行头盔", "健身手环", "登山包", "羽毛球拍"},
                new String[]{"yoga mat", "running shoes", "dumbbells", "water bottle", "cycling helmet", "fitness band", "hiking backpack", "badminton racket"}),
        BOOKS("boo", 49, 0.4, 0.6, new String[]{"小说", "绘本", "历史书", "编程书", "漫画", "英语词典", "菜谱", "散文集"},
                new String[]{"novel", "picture book", "history book", "programming book", "comic", "dictionary", "cookbook", "essay collection"});

        final String code;
        final double medianPriceCny;
        final double priceSigma;
        /** Relative popularity when a customer's preferences are drawn. */
        final double popularity;
        final String[] nounsZh;
        final String[] nounsEn;

        Category(String code, double medianPriceCny, double priceSigma, double popularity, String[] nounsZh, String[] nounsEn) {
            this.code = code;
            this.medianPriceCny = medianPriceCny;
            this.priceSigma = priceSigma;
            this.popularity = popularity;
            this.nounsZh = nounsZh;
            this.nounsEn = nounsEn;
        }
    }

    public static final Category[] CATEGORIES = Category.values();
    public static final int SKUS_PER_CATEGORY = 300;
    private static final long CATALOGUE_SEED = 0x5EED_CA7A_1060EL;

    private final String[] skuIds;
    private final byte[] skuCategory;
    /** Shelf price in minor units (cents/fen) per currency: [currency][sku]. */
    private final long[][] prices;
    private final double[] popularity;

    public Catalogue() {
        int n = CATEGORIES.length * SKUS_PER_CATEGORY;
        skuIds = new String[n];
        skuCategory = new byte[n];
        prices = new long[Currency.values().length][n];
        CustomerRandom rng = new CustomerRandom(CATALOGUE_SEED);
        popularity = new double[CATEGORIES.length];
        for (int c = 0; c < CATEGORIES.length; c++) {
            Category cat = CATEGORIES[c];
            popularity[c] = cat.popularity;
            for (int i = 0; i < SKUS_PER_CATEGORY; i++) {
                int sku = c * SKUS_PER_CATEGORY + i;
                skuIds[sku] = String.format(Locale.ROOT, "sku-%s-%05d", cat.code, 10001 + i);
                skuCategory[sku] = (byte) c;
                double cny = cat.medianPriceCny * Math.exp(cat.priceSigma * rng.nextGaussian());
                cny = Math.max(9, Math.min(cny, 20000));
                for (Currency cur : Currency.values()) {
                    prices[cur.ordinal()][sku] = shelfPrice(cny / cur.cnyPerUnit, cur);
                }
            }
        }
    }

    /** A price point as shops print them: whole yuan ending in 9 for CNY, x.99 for EUR/USD. In minor units. */
    static long shelfPrice(double amount, Currency currency) {
        if (currency == Currency.CNY) {
            long yuan = Math.round(amount);
            if (yuan >= 20) {
                yuan = yuan - (yuan % 10) + 9;
            }
            return Math.max(yuan, 9) * 100;
        }
        long whole = (long) Math.floor(amount);
        return Math.max(whole, 1) * 100 + 99;
    }

    public int skuCount() {
        return skuIds.length;
    }

    public String skuId(int sku) {
        return skuIds[sku];
    }

    public Category category(int sku) {
        return CATEGORIES[skuCategory[sku]];
    }

    public int categoryIndex(int sku) {
        return skuCategory[sku];
    }

    public long price(int sku, Currency currency) {
        return prices[currency.ordinal()][sku];
    }

    public double[] categoryPopularity() {
        return popularity.clone();
    }

    static double[] popularityWeights() {
        double[] w = new double[CATEGORIES.length];
        for (Category c : CATEGORIES) {
            w[c.ordinal()] = c.popularity;
        }
        return w;
    }

    public int randomSku(int category, CustomerRandom rng) {
        // a skewed choice: the first SKUs of a category (its best sellers) are looked at far more often
        double u = rng.nextDouble();
        int i = (int) (SKUS_PER_CATEGORY * u * u);
        return category * SKUS_PER_CATEGORY + Math.min(i, SKUS_PER_CATEGORY - 1);
    }

    /** Of a few SKUs of the category, the one whose price is closest to {@code targetMinor}. */
    public int skuNearPrice(int category, long targetMinor, Currency currency, CustomerRandom rng) {
        int best = randomSku(category, rng);
        double bestDistance = Math.abs(Math.log((double) price(best, currency) / targetMinor));
        for (int k = 0; k < 5; k++) {
            int candidate = randomSku(category, rng);
            double d = Math.abs(Math.log((double) price(candidate, currency) / targetMinor));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** A noun naming the product, in Chinese or English. */
    public String productNoun(int sku, boolean chinese) {
        Category cat = category(sku);
        String[] nouns = chinese ? cat.nounsZh : cat.nounsEn;
        return nouns[(sku % SKUS_PER_CATEGORY) % nouns.length];
    }

    /** Currencies customers pay in; CNY is the reference of the catalogue. */
    public enum Currency {
        CNY(1.0), EUR(7.8), USD(7.2);

        final double cnyPerUnit;

        Currency(double cnyPerUnit) {
            this.cnyPerUnit = cnyPerUnit;
        }
    }
}
