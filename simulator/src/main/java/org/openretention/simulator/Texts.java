package org.openretention.simulator;

import org.openretention.events.interactions.ServiceTouchpoint;

/**
 * What customers write: review, comment and service-contact texts in Chinese and English, and the shop's refund and
 * cancellation reasons. Templates use {@code {p}} for the product noun. A review text is one or two sentences of the
 * polarity matching the rating (4-5 positive, 3 neutral, 1-2 negative).
 */
public final class Texts {

    private Texts() {
    }

    static final String[] REVIEW_POSITIVE_ZH = {
            "{p}质量很好，和描述的一模一样！",
            "物流超快，第二天就收到了{p}。",
            "包装很用心，{p}没有任何损坏。",
            "性价比很高，{p}非常值得购买。",
            "第二次回购了，{p}一如既往的好。",
            "客服态度特别好，有问必答。",
            "{p}做工精细，手感很棒。",
            "颜色和图片一样，很满意。",
            "用了一周了，{p}效果很明显，推荐！",
            "给家人买的{p}，他们都说好。",
            "活动价入手的，太划算了。",
            "{p}比想象中还要好，五星好评！",
            "发货速度快，快递小哥也很热情。",
            "尺寸刚刚好，非常合适。",
            "这家店的{p}一直很靠谱，会继续支持。",
            "朋友推荐的，果然没有失望。",
            "{p}很实用，每天都在用。",
            "东西不错，下次还会再来买。",
            "细节处理得很好，看得出是用心做的。",
            "物美价廉，强烈推荐给大家！",
            "收到后马上试了一下，{p}非常好用。",
            "{p}的品质超出预期，值这个价。",
            "这是我买过最好的{p}了。",
            "宝贝收到了，跟卖家描述的一致，很喜欢。",
            "店家还送了小礼物，好贴心。",
            "正品无疑，放心购买。",
            "{p}外观很漂亮，朋友都问在哪里买的。",
            "非常满意的一次购物体验。",
            "已经推荐给同事了，大家都说不错。",
            "价格实惠，质量也有保证，好评！",
    };

    static final String[] REVIEW_NEUTRAL_ZH = {
            "{p}还行吧，中规中矩。",
            "东西一般，对得起这个价格。",
            "物流有点慢，不过{p}本身还可以。",
            "和图片有一点色差，可以接受。",
            "{p}用着还可以，没有特别惊喜。",
            "包装比较简单，东西没问题。",
            "整体还行，就是尺码偏大一点。",
            "质量一般，先用用看吧。",
            "{p}功能够用，做工有待提高。",
            "不算好也不算差，普普通通。",
            "客服回复有点慢，{p}还凑合。",
            "价格如果再便宜一点就好了。",
    };

    static final String[] REVIEW_NEGATIVE_ZH = {
            "{p}质量太差了，用了两天就坏了。",
            "和描述完全不符，非常失望。",
            "物流太慢了，等了十多天才收到。",
            "收到的{p}有明显划痕，像是二手的。",
            "包装破损，{p}也摔坏了。",
            "客服态度很差，问题一直没解决。",
            "尺码严重不准，只能退货。",
            "{p}有一股刺鼻的味道，不敢用。",
            "颜色和图片差别太大了。",
            "发错货了，还要自己跑去退。",
            "用了一次就不能用了，{p}是残次品吧。",
            "价格不便宜，质量却这么差。",
            "做工粗糙，线头到处都是。",
            "再也不会在这家买了。",
            "{p}根本没法用，申请退款了。",
            "说好的赠品也没有，差评。",
            "快递员态度恶劣，直接扔在门口。",
            "{p}少了配件，联系客服也没回复。",
            "这是我买过最差的{p}。",
            "退货流程太麻烦了，体验很差。",
            "宣传的功能都没有，感觉被骗了。",
            "收到就是坏的，很影响心情。",
            "质量和价格完全不成正比。",
            "{p}电量掉得特别快，不推荐。",
            "买回来才发现是旧款，太坑了。",
            "等了很久客服才回复，而且答非所问。",
            "{p}的尺寸和页面写的不一样。",
            "第二次买质量明显下降了，失望。",
            "包装简陋，{p}直接裸装寄过来。",
            "不建议购买，浪费钱。",
    };

    static final String[] REVIEW_POSITIVE_EN = {
            "The {p} is great quality, exactly as described!",
            "Super fast delivery, the {p} arrived the next day.",
            "Well packed and the {p} arrived in perfect condition.",
            "Great value for money, the {p} is well worth it.",
            "Second time buying this {p}, still excellent.",
            "Customer service was really friendly and helpful.",
            "Beautifully made, the {p} feels very solid.",
            "The colour is exactly like the picture, very happy.",
            "Been using the {p} for a week now and I love it.",
            "Bought the {p} as a gift and they loved it.",
            "Got it on sale, what a bargain.",
            "Even better than I expected, five stars!",
            "Quick shipping and friendly courier.",
            "Fits perfectly, true to size.",
            "This shop never disappoints, will order again.",
            "A friend recommended it and I'm not disappointed.",
            "Very practical, I use the {p} every day.",
            "Great product, I'll definitely be back.",
            "Lovely attention to detail.",
            "Good quality at a fair price, highly recommended!",
            "Tried the {p} right away and it works brilliantly.",
            "The quality of the {p} exceeded my expectations.",
            "Best {p} I have ever bought.",
            "Arrived as described, I really like it.",
            "They even included a small gift, such a nice touch.",
            "Genuine product, buy with confidence.",
            "The {p} looks great, my friends keep asking where I got it.",
            "A really pleasant shopping experience.",
            "Already recommended the {p} to my colleagues.",
            "Affordable and reliable, thumbs up!",
    };

    static final String[] REVIEW_NEUTRAL_EN = {
            "The {p} is okay, nothing special.",
            "Average quality, fair for the price.",
            "Delivery was a bit slow but the {p} itself is fine.",
            "Slight colour difference from the photo, acceptable.",
            "The {p} does the job, no big surprises.",
            "Basic packaging, but the product is fine.",
            "Decent overall, runs a little large.",
            "Quality is so-so, let's see how it holds up.",
            "The {p} works, but the finish could be better.",
            "Not great, not terrible.",
            "Support took a while to answer, the {p} is alright.",
            "Would be better if it were a bit cheaper.",
    };

    static final String[] REVIEW_NEGATIVE_EN = {
            "Terrible quality, the {p} broke after two days.",
            "Nothing like the description, very disappointed.",
            "Shipping took forever, almost two weeks.",
            "The {p} arrived scratched, looks used.",
            "Box was damaged and the {p} was broken.",
            "Rude customer service, my problem was never solved.",
            "Sizing is way off, had to send it back.",
            "The {p} has a strong chemical smell, I won't use it.",
            "The colour is nothing like the photos.",
            "Wrong item sent and I had to return it myself.",
            "Stopped working after one use, must be defective.",
            "Not cheap and yet such poor quality.",
            "Sloppy workmanship, loose threads everywhere.",
            "I will never order from this shop again.",
            "The {p} is unusable, I asked for a refund.",
            "The promised free gift was missing.",
            "The courier just threw the parcel at my door.",
            "Parts of the {p} were missing and nobody answers my emails.",
            "Worst {p} I have ever bought.",
            "The return process is a nightmare.",
            "None of the advertised features work, feels like a scam.",
            "Arrived broken, really ruined my day.",
            "The quality does not match the price at all.",
            "The battery of the {p} drains in no time, not recommended.",
            "Turned out to be last year's model, misleading listing.",
            "Waited days for support, and the answer didn't help.",
            "The {p} is not the size stated on the page.",
            "Quality has clearly gone down since my last order.",
            "Poorly packed, the {p} came without any protection.",
            "Don't buy it, waste of money.",
    };

    static final String[] COMMENT_ZH = {
            "这款{p}还有其他颜色吗？",
            "请问什么时候补货？",
            "{p}支持七天无理由退货吗？",
            "有没有人用过这个{p}，效果怎么样？",
            "双十一会降价吗？",
            "能开发票吗？",
            "这个{p}适合送人吗？",
            "请问是正品吗？",
            "已经买了第三次了，大家放心买。",
            "求推荐尺码，身高165穿什么码？",
            "发货地是哪里？",
            "{p}保修多久？",
            "等了好久终于上新了！",
            "和上一代比有什么区别？",
            "有没有优惠券可以用？",
    };

    static final String[] COMMENT_EN = {
            "Does this {p} come in other colours?",
            "When will this be back in stock?",
            "Can the {p} be returned within 30 days?",
            "Has anyone tried this {p}? How is it?",
            "Will this be on sale on Black Friday?",
            "Can I get an invoice for this?",
            "Would the {p} make a good gift?",
            "Is this the genuine brand product?",
            "Bought this three times already, go for it.",
            "Which size would you recommend for someone 5'5\"?",
            "Where does this ship from?",
            "How long is the warranty on the {p}?",
            "Finally back, I've been waiting for ages!",
            "What's the difference to the previous model?",
            "Are there any coupons for this?",
    };

    static final String[] DELIVERY_ZH = {
            "快递三天没有更新了，我的包裹在哪里？",
            "显示已签收，但我没有收到包裹。",
            "能不能帮我改一下收货地址？",
            "包裹送到了别的驿站，麻烦处理一下。",
            "快递太慢了，什么时候能到？",
            "外包装破损，里面的东西可能坏了。",
    };

    static final String[] DELIVERY_EN = {
            "Tracking hasn't updated for three days, where is my parcel?",
            "It says delivered but I never got the parcel.",
            "Can you change the delivery address for my order?",
            "The parcel went to the wrong pickup point.",
            "Delivery is very late, when will it arrive?",
            "The box arrived damaged, the contents may be broken.",
    };

    static final String[] AFTER_SALES_ZH = {
            "商品有质量问题，想申请退货。",
            "收到的和订单不一样，要求换货。",
            "少发了一件，请尽快补发。",
            "用了几天就坏了，能保修吗？",
            "尺码不合适，怎么换货？",
            "申请退款好几天了还没处理。",
    };

    static final String[] AFTER_SALES_EN = {
            "The item is faulty and I'd like to return it.",
            "I received a different item from what I ordered.",
            "One item is missing from my order.",
            "It broke after a few days, is it covered by warranty?",
            "Wrong size, how do I exchange it?",
            "I requested a refund days ago and nothing has happened.",
    };

    static final String[] SUPPORT_ZH = {
            "登录不了账号，提示密码错误。",
            "优惠券为什么用不了？",
            "积分什么时候到账？",
            "怎么修改绑定的手机号？",
            "付款失败了但是钱已经扣了。",
            "会员等级是怎么计算的？",
    };

    static final String[] SUPPORT_EN = {
            "I can't log in to my account.",
            "Why can't I use my coupon?",
            "When will my loyalty points show up?",
            "How do I change the phone number on my account?",
            "The payment failed but I was still charged.",
            "How are membership tiers calculated?",
    };

    static final String[] REFUND_REASON_ZH = {"商品损坏", "尺码不合适", "与描述不符", "质量问题", "发错货", "不想要了", "少发漏发", "物流太慢"};
    static final String[] REFUND_REASON_EN = {"damaged item", "wrong size", "not as described", "quality issue", "wrong item sent", "changed mind", "missing item", "late delivery"};
    static final String[] CANCEL_REASON_ZH = {"拍错了", "不想要了", "地址填错了", "找到更便宜的", "重复下单", "支付方式有问题"};
    static final String[] CANCEL_REASON_EN = {"ordered by mistake", "changed mind", "wrong address", "found it cheaper elsewhere", "duplicate order", "payment problem"};

    /** A review text whose polarity matches {@code rating}. */
    public static String review(int rating, boolean chinese, String noun, CustomerRandom rng) {
        String[] pool;
        if (rating >= 4) {
            pool = chinese ? REVIEW_POSITIVE_ZH : REVIEW_POSITIVE_EN;
        } else if (rating == 3) {
            pool = chinese ? REVIEW_NEUTRAL_ZH : REVIEW_NEUTRAL_EN;
        } else {
            pool = chinese ? REVIEW_NEGATIVE_ZH : REVIEW_NEGATIVE_EN;
        }
        String first = fill(rng.pick(pool), noun);
        if (rating == 3 || !rng.chance(0.45)) {
            return first;
        }
        String second = fill(rng.pick(pool), noun);
        if (second.equals(first)) {
            return first;
        }
        return chinese ? first + second : first + " " + second;
    }

    public static String comment(boolean chinese, String noun, CustomerRandom rng) {
        return fill(rng.pick(chinese ? COMMENT_ZH : COMMENT_EN), noun);
    }

    public static String serviceText(ServiceTouchpoint touchpoint, boolean chinese, CustomerRandom rng) {
        return switch (touchpoint) {
            case DELIVERY -> rng.pick(chinese ? DELIVERY_ZH : DELIVERY_EN);
            case AFTER_SALES -> rng.pick(chinese ? AFTER_SALES_ZH : AFTER_SALES_EN);
            case SUPPORT -> rng.pick(chinese ? SUPPORT_ZH : SUPPORT_EN);
        };
    }

    public static String refundReason(boolean chinese, CustomerRandom rng) {
        return rng.pick(chinese ? REFUND_REASON_ZH : REFUND_REASON_EN);
    }

    public static String cancelReason(boolean chinese, CustomerRandom rng) {
        return rng.pick(chinese ? CANCEL_REASON_ZH : CANCEL_REASON_EN);
    }

    private static String fill(String template, String noun) {
        return template.replace("{p}", noun);
    }
}
