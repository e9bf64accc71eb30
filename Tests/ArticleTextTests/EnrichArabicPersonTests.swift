import Testing

@testable import ArticleText

/// Arabic person names: only name-shaped words after a cue, initials inside
/// a name, a title's genitive and adjectives between it and the name, and
/// clitics that never cut a stem's own letters. Sentences written for the
/// project.
@Suite(.timeLimit(.minutes(5))) struct EnrichArabicPersonTests {
    private func entities(_ text: String) -> [String] { EnrichTestSupport.entities(text) }

    @Test func aVerbOrPronounAfterACueIsNoName() {
        let found = entities("ورحب الوزير شكره بالضيوف، وقالت بأنها أحيطت علما بالأمر، وقال يعتزم السفر.")
        #expect(!found.contains { $0.hasSuffix("/PERSON") }, "\(found)")
    }

    @Test func aPrepositionIsNotCutFromANameThatOnlyLooksLikeIt() {
        // "بايدن" is not ب + "ايدن" (the first word of a place name).
        #expect(entities("تحدث الرئيس بايدن اليوم مع نظيره.").contains("بايدن/PERSON"))
    }

    /// A surname standing alone after a title is followed by a definite noun
    /// in ة, not by a family name.
    @Test func aDefiniteNounInTaMarbutaAfterALoneSurnameEndsTheName() {
        let found = entities("ويعطي المبعوث الخاص كارلسون الأولوية للمفاوضات في المنطقة.")
        #expect(found.contains("كارلسون/PERSON"), "\(found)")
        #expect(!found.contains("كارلسون الأولوية/PERSON"), "\(found)")
    }

    /// "بشأن" (concerning) after a title's genitive is a preposition, never a name.
    @Test func aPrepositionAfterATitleIsNoName() {
        let found = entities("رحب الوزير بتقرير المستشار الخاص للأمين العام بشأن السودان حول الانتخابات.")
        #expect(!found.contains { $0.hasSuffix("/PERSON") && $0.contains("بشأن") }, "\(found)")
    }

    /// A long surname in ي that starts with ب is a name part, not ب + a noun;
    /// ب + a noun still ends the name.
    @Test func aSurnameStartingWithBaIsPartOfTheName() {
        let found = entities("وقال عبد الله باتيلي إن الوضع صعب.")
        #expect(found.contains("عبد الله باتيلي/PERSON"), "\(found)")
        let noun = entities("وقال خالد يوسف بمشاركة الوفد إن الاتفاق قريب.")
        #expect(!noun.contains { $0.contains("بمشاركة") }, "\(noun)")
    }

    /// "مساعد" is a given name and the everyday word "assistant": alone
    /// before a title it is the title's noun, with a second part a name.
    @Test func aGivenNameThatIsAlsoAnEverydayWordNeedsASecondPart() {
        let found = entities("يسافر مساعد وزير الخارجية للشؤون السياسية إلى بيروت. وقال مساعد الحربي إن الاتفاق قريب.")
        #expect(!found.contains("مساعد/PERSON"), "\(found)")
        #expect(found.contains("مساعد الحربي/PERSON"), "\(found)")
    }

    /// A place and a colon open a byline only when a given name follows;
    /// otherwise the line is a headline with its country.
    @Test func aCountryAndColonBeforeAHeadlineIsNoByline() {
        let headline = entities("لبنان: حزن الغربة\nكتب المدونون عن الغربة في المدن البعيدة.")
        #expect(!headline.contains { $0.hasSuffix("/PERSON") }, "\(headline)")
        let byline = entities("القاهرة: محمود سليمان\nأعلنت الحكومة خطة جديدة للنقل العام.")
        #expect(byline.contains("محمود سليمان/PERSON"), "\(byline)")
    }

    @Test func anInitialInsideAName() {
        #expect(entities("بيان لوزير الخارجية أنتوني ج. بلينكن").contains("أنتوني ج. بلينكن/PERSON"))
    }

    @Test func adjectivesAndAForPlaceBetweenTitleAndName() {
        let found = entities("وقال المبعوث الأمريكي الخاص لليمن تيم ليندركينغ إن الهدنة صامدة.")
        #expect(found.contains("تيم ليندركينغ/PERSON"), "\(found)")
        #expect(found.contains("اليمن/PLACE"), "\(found)")
    }

    @Test func lamBeforeANameStartingWithLamKeepsTheName() {
        let found = entities("وأعلن دعمه لليبيا وللأمم المتحدة.")
        #expect(found.contains("ليبيا/PLACE"), "\(found)")
        #expect(found.contains("الأمم المتحدة/ORG"), "\(found)")
        #expect(!found.contains("اليبيا/PLACE"), "\(found)")
    }

    @Test func aRoyalRankIsPartOfTheName() {
        #expect(entities("وصل الملك سلمان بن عبدالعزيز إلى جدة.").contains("الملك سلمان بن عبدالعزيز/PERSON"))
    }

    @Test func aSurnameAloneIsTheSamePerson() {
        let found = entities("وقال المبعوث الخاص تيم ليندركينغ إن الهدنة صامدة. وأضاف ليندركينغ أن الأطراف ملتزمة.")
        #expect(found.filter { $0 == "ليندركينغ/PERSON" }.count == 1, "\(found)")
    }

    /// A foreign name with a middle initial, with or without a title before it;
    /// an abbreviated title ("د.") is no initial.
    @Test func aNameWithAMiddleInitialIsOnePerson() {
        let found = EnrichTestSupport.entities("استقبلت نائبة الوزير ويندي ر. شيرمان الوفد، ثم تحدث كريستوفر ج. هاملتون للصحفيين، وقال د. سامي إن الموعد تأجل.")
        #expect(found.contains("ويندي ر. شيرمان/PERSON"), "\(found)")
        #expect(found.contains("كريستوفر ج. هاملتون/PERSON"), "\(found)")
        #expect(!found.contains { $0.contains("وقال") }, "\(found)")
    }

    /// "الفريق أول" is one rank: the name follows it, bare or definite.
    @Test func aTwoWordRankOpensAName() {
        let found = entities("اجتمع الوسطاء مع الفريق أول الحلو ثم مع الفريق أول كوكو في الخرطوم.")
        #expect(found.contains("الحلو/PERSON"), "\(found)")
        #expect(found.contains("كوكو/PERSON"), "\(found)")
    }

    /// "المتحدثة باسم" and a body: the name comes after the body.
    @Test func aSpokespersonForABodyIsFollowedByTheName() {
        let found = entities("قالت المتحدثة باسم وزارة الدفاع سابرينا سينغ إن المحادثات مستمرة.")
        #expect(found.contains("سابرينا سينغ/PERSON"), "\(found)")
    }

    /// A derived participle in the dual or plural ("ملتزمان") after a lone
    /// surname is what is said of the person, not a second name.
    @Test func aPluralParticipleAfterALoneSurnameEndsTheName() {
        let found = entities("المبعوث الخاص هارتمان والمبعوث الخاص كوستيلو ملتزمان بالعمل معا.")
        #expect(found.contains("كوستيلو/PERSON"), "\(found)")
        #expect(!found.contains { $0.contains("ملتزمان") }, "\(found)")
    }

    /// ل and a noun in ة after a lone surname is what the meeting was for
    /// ("لمتابعة", "لمناقشة"), not a second name.
    @Test func aPurposePhraseAfterALoneSurnameEndsTheName() {
        let found = entities("التقى الوفد بالمبعوث الخاص كوستيلو لمناقشة الهدنة.")
        #expect(found.contains("كوستيلو/PERSON"), "\(found)")
        #expect(!found.contains { $0.contains("لمناقشة") }, "\(found)")
    }

    /// After a title, a foreign given name shaped like a present-tense verb
    /// ("توني") is a name when a surname follows; a verb after a title is not.
    @Test func aVerbShapedGivenNameAfterATitleIsAName() {
        let found = entities("استقبل وزير الخارجية تيري هاملتون في مكتبه، ثم تحدث الوزير يانيس كوستا بالعربية. والرئيس يوافق على الخطة، والوزير يبحث سبل التعاون.")
        #expect(found.contains("تيري هاملتون/PERSON"), "\(found)")
        #expect(found.contains("يانيس كوستا/PERSON"), "\(found)")
        #expect(!found.contains { $0.contains("يوافق") || $0.contains("يبحث") }, "\(found)")
    }
}
