package dev.editloop.embedded.classic;

/**
 * Phrasings that mean something the clause matchers already read, rewritten into it: "no colour at all" is grayscale,
 * "draw it as a sketch" turns it into one, "it's kinda dull" after a request is how the picture is now ("too dull"),
 * "the dark blue sky" is the blue sky, "the grey background" the background, "blur everything except the cup" a
 * background blur, "remove the yellow cast" cooler, "less blue" warmer, "hand-painted" painted. Amounts said in words
 * are {@link Hedges}'. Works on normalized (lower-case) text, after {@link Hedges#rewrite}.
 */
final class Paraphrases {
    private Paraphrases() {}

    static String rewrite(String s) {
        return s
                // "gimme more contrast"
                .replaceAll("\\bgimme\\b", "give me")
                // "just keep the left half, crop the rest": a crop to that half
                .replaceAll(
                        "\\b(?:just |only )?keep (?:only )?(the (?:left|right|top|bottom) (?:half|third))\\b"
                                + "(?:,? (?:and )?(?:crop|cut|trim)(?: away| off| out)? (?:the rest|everything else))",
                        "crop it to $1")
                // "no colour at all": grayscale; "kill the saturation", "lose the colour", "strip out all the colour":
                // the
                // colour taken out ("drop the saturation" only lowers it)
                .replaceAll("\\bno colors?(?: at all)?\\b", "grayscale")
                .replaceAll(
                        "\\b(?:kill|lose|strip(?: out)?|ditch)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|its\\s+)?(?:colors?|saturation)\\b",
                        "grayscale")
                // "more light", "add some light to it": brighter; "less light": darker
                .replaceAll(
                        "\\b(?:more |add (?:some |more |a bit of |a little )?(?:more )?)light\\b(?!\\s*(?:-|leaks?|rays?|beams?|"
                                + "blue|green|red|pink|purple|grey|gray|brown|orange|yellow|colou?rs?|tones?|areas?|parts?))",
                        "brighter")
                .replaceAll("\\bless light\\b(?!\\s*(?:-|colou?rs?|tones?|areas?|parts?))", "darker")
                // "make it less gloomy": brighter
                .replaceAll("\\bless (?:gloomy|murky|dreary|drab|dim)\\b", "brighter")
                // "take the white thing out": take out the white thing
                .replaceAll(
                        "\\b(take|cut|rub|wipe)\\s+((?:the|that|this)\\s+(?:[a-z]+\\s+){0,3}?(?:thing|object|blob|item|spot)s?"
                                + "(?:\\s+(?:in|on|at)\\s+the\\s+(?:top|bottom|left|right|middle|center)(?:\\s+(?:left|right))?"
                                + "(?:\\s+(?:corner|half|side))?)?)\\s+out\\b(?!\\s+of\\s+focus)",
                        "$1 out $2")
                // "give the colours a boost", "boost the colours", "punch up the colours": their saturation
                .replaceAll(
                        "\\bgive (?:the |its |all the )?colors (?:a |an )?(?:little |bit of a |small |big |good |real )?"
                                + "(?:boost|lift|kick|push)\\b",
                        "increase the saturation")
                .replaceAll(
                        "\\b(boost|punch up|pump up|juice up|amp up|enrich)\\s+(?:the |its |all the )?colors\\b",
                        "increase the saturation")
                .replaceAll(
                        "\\bcolors (?:need|needs|could use|want) (?:a bit |a little |some )?more punch\\b",
                        "increase the saturation")
                // "make it less harsh": less contrast
                .replaceAll("\\bless (?:harsh|stark|contrasty)\\b", "less contrast")
                // "too much contrast": how the picture is now, i.e. less of it
                .replaceAll(
                        "\\b(?:(?:way|far|a bit|a little|slightly)\\s+)?too much\\s+(contrast|saturation|warmth|brightness|exposure)\\b",
                        "less $1")
                // "draw it as a sketch": the picture turned into one, not a new drawing
                .replaceAll(
                        "\\bdraw (it|this|that|the (?:image|photo|picture))\\s+(?:as|like)\\s+(?=an?\\s)",
                        "turn $1 into ")
                // "halftone it"
                .replaceAll(
                        "\\bhalftone (it|this|that|the (?:image|photo|picture))\\b", "turn $1 into a halftone print")
                // "a halftone with round dots": its dots are round
                .replaceAll(
                        "\\b(halftone(?: print| screen)?)\\s+(?:with|in|of)\\s+(?:round|circular|little|small)?\\s*dots\\b",
                        "$1")
                // "halftone it, the round dots kind", "halftone effect with round dots": its dots are round
                .replaceAll(
                        "(?<=\\bhalftone\\b.{0,40}?)(?:,\\s*|\\s+)(?:with|in|of|using)?\\s*(?:the\\s+)?(?:round|circular)\\s+dots?"
                                + "(?:\\s+(?:kind|type|sort|style|version|one))?\\b",
                        "")
                // "bring the details out": bring out the details
                .replaceAll("\\bbring (?:the |its |all the )?(details?) out\\b", "bring out the $1")
                // "ad \"SALE\" at the top": add
                .replaceAll("(?<=^|[,;.] ?)ad(?= \uE000)", "add")
                // "livelier colours, it's kinda dull": a sentence that only says how the picture is now, i.e. too dull;
                // an aside may open it ("honestly the colours look dull")
                .replaceAll(
                        "(?<=^|[,;.!?]\\s?|\\band\\s|\\bbut\\s|\\b(?:honestly|frankly|tbh|imo|hmm|so|ok|okay|well|um|uh),?\\s)"
                                + "\\s*(?:it's|it is|its|it's looking|its looking|it is looking|it looks|"
                                + "it seems|it feels|this looks|this is|everything (?:looks|is|seems)|"
                                + "(?:the|this|my) (?:image|photo|picture|pic|shot) (?:is|looks|seems)|(?:the|these|those|its|all the) colors? (?:look|looks|are|is|seem|seems|feel))\\s+"
                                + "(?:(?:kinda|kind of|sort of|a bit|a little|rather|quite|pretty|so|really|very|way|a tad)\\s+)?"
                                + "(?=(?:dull|flat|dark|gloomy|murky|dim|washed out|bland|lifeless|drab|muddy|cold|cool|hot|harsh|garish|loud|"
                                + "soft|blurry|fuzzy)\\s*(?:$|[,;.!?]|\\s[-\u2013\u2014]+\\s))",
                        " too ")
                // "it's a bit soft": too soft, i.e. not sharp enough; "too cool": too cold
                .replaceAll("\\btoo (?:soft|blurry|fuzzy)\\b", "sharpen")
                .replaceAll("\\btoo cool\\b", "too cold")
                // "cool it off a little": cool it down
                .replaceAll("\\bcool (it|this|that|the (?:image|photo|picture)) off\\b", "cool $1 down")
                // "crop to 16:9 for a thumbnail": what the picture is for says nothing about the edit
                .replaceAll(
                        "\\s+for (?:an? |my |the |our |your )?(?:thumbnails?|banners?|headers?|posters?|print|printing|instagram|"
                                + "insta|website|web|wallpaper|phone|lock ?screen|profile (?:picture|pic|photo)|avatar|"
                                + "story|post|social media|slides?|presentation|blog(?: post)?)\\b",
                        "")
                // "it's too dark - can you fix it?": a request to fix what the sentence beside it names, nothing of its
                // own (said alone, it asks nothing the editor can read)
                .replaceAll(
                        "\\b(?:(?:can|could|would|will) you\\s+)?(?:please\\s+)?(?:fix|correct|repair|sort)\\s+"
                                + "(?:it|this|that|them)(?:\\s+(?:up|out))?(?:\\s+(?:please|pls|plz))?\\b",
                        "")
                .replaceAll("\\btoo washed out\\b", "too pale")
                // "the dark blue sky": the sky of that colour; "the grey background": the background
                .replaceAll(
                        "\\b(?:dark|deep|light|pale|bright)\\s+(blue|orange|pink|purple|gray|red|yellow)\\s+sky\\b",
                        "$1 sky")
                .replaceAll(
                        "\\b(the|its|her|his|their)\\s+(?:(?:dark|light|plain|pale)\\s+)?(?:gray|white|black|blue|green|brown|beige|"
                                + "red|orange|yellow|pink|purple|silver)\\s+(background|backdrop)\\b",
                        "$1 $2")
                // "make the background less distracting", "make her stand out more": the subject set apart from a
                // softer background
                .replaceAll(
                        "\\bmake (?:the )?(background|backdrop)(?: behind (?:her|him|them|it|the \\w+))? less (?:distracting|busy|cluttered)\\b",
                        "blur the $1")
                .replaceAll(
                        "\\bmake (?:her|him|them|the (?:subject|person|man|woman|girl|boy|child|model|astronaut|cat|dog|"
                                + "animal|bird|rocket|cup|vase|flower|car)) stand out(?: (?:more|from the (?:background|backdrop)))?"
                                + "\\b(?=\\s*(?:$|[,;.!?]))",
                        "blur the background")
                // "throw the backdrop way out of focus": blur it
                .replaceAll(
                        "\\b(?:throw|put|knock|send|take|make)\\s+(?:the\\s+)?(background|backdrop)\\s+(way|far|completely|totally|really)?"
                                + "\\s*out of focus\\b",
                        "blur the $1 $2")
                .replaceAll(
                        "\\bblur the (background|backdrop) (?:way|far|completely|totally|really)\\b",
                        "blur the $1 a lot")
                // "blur everything except the cup": everything behind it
                .replaceAll(
                        "\\b(blur|defocus|soften)\\s+everything\\s+(?:except|but|apart from|other than|besides|save)\\s+(?=(?:the|her|him|them|it)\\b)",
                        "$1 everything behind ")
                // "remove the yellow cast", "take some of the blue out": a cast taken out is the other way
                .replaceAll(
                        "\\b(?:remove|reduce|cut|kill|get rid of|take out|take away|neutralize)\\s+(?:some of\\s+)?(?:the\\s+)?"
                                + "(?:blue|bluish|cold|cool)\\s+(?:cast|tint|tones?)\\b|\\btake (?:some of )?the blue out\\b",
                        "make it warmer")
                .replaceAll(
                        "\\b(?:remove|reduce|cut|kill|get rid of|take out|take away|neutralize)\\s+(?:some of\\s+)?(?:the\\s+)?"
                                + "(?:yellow|yellowish|orange|warm)\\s+(?:cast|tint|tones?)\\b|\\btake (?:some of )?the (?:yellow|orange) out\\b",
                        "make it cooler")
                // "make it less blue": warmer; "less yellow": cooler
                .replaceAll("\\bless (?:blue|bluish|cold)\\b", "warmer")
                .replaceAll("\\bless (?:yellow|yellowish|orange|orangey|warm)\\b", "cooler")
                // "sketchify it", "make it grainy like film", "hand-painted": the sketch, the grain, the painting
                .replaceAll("\\bsketchify\\b", "sketch")
                .replaceAll("\\bgrainy,? like (?:an? )?(?:old )?(?:film|analog film|film stock)\\b", "film grain")
                .replaceAll("\\bhand painted\\b", "painted")
                // "a grainy film look": film grain
                .replaceAll("\\bgrainy film\\b", "film grain");
    }
}
