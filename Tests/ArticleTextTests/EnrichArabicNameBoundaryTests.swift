import Testing

@testable import ArticleText

/// Where an Arabic name ends: a second body joined with و, a time phrase
/// after a name, a plural after the name's adjective, and a definite noun
/// after a full person's name. Sentences written for the project.
@Suite(.timeLimit(.minutes(5))) struct EnrichArabicNameBoundaryTests {
    private func entities(_ text: String) -> [String] { EnrichTestSupport.entities(text) }

    @Test func aBodyJoinedWithWawIsANameOfItsOwn() {
        let found = entities("اجتمع ممثلو مجلس الشيوخ الكيني والمجلس الأعلى للقضاء في المدينة.")
        #expect(found.contains("مجلس الشيوخ الكيني/ORG"), "\(found)")
        #expect(!found.contains { $0.contains("والمجلس") }, "\(found)")
    }

    @Test func aTimePhraseIsNotPartOfTheName() {
        let found = entities("ناقشت اللجنة الأولمبية الدولية الشهر الماضي ملف الاستضافة.")
        #expect(found.contains("اللجنة الأولمبية الدولية/ORG"), "\(found)")
    }

    @Test func aPluralAfterTheNamesAdjectiveBeginsAnotherPhrase() {
        let found = entities("خاطبت المحكمة الدستورية المحامين في الجلسة.")
        #expect(found.contains("المحكمة الدستورية/ORG"), "\(found)")
    }

    @Test func aDefiniteNounInTaMarbutaAfterAFullNameIsNoFamilyName() {
        let found = entities("وأعطى المبعوث الخاص كارل هولمبرغ الأولوية للمفاوضات، والتقى محمد العمرة.")
        #expect(found.contains("كارل هولمبرغ/PERSON"), "\(found)")
        #expect(found.contains("محمد العمرة/PERSON"), "\(found)")
    }

    @Test func anEverydayWordAfterACueOrACliticIsNoName() {
        let found = entities("وقال المتحدث باسم وزارة الزراعة إن لدينا خطة واضحة للموسم.")
        #expect(!found.contains { $0.hasSuffix("/PERSON") }, "\(found)")
    }

    @Test func anAgreeingAdjectiveAfterAHeadIsNoName() {
        let found = entities("تحتاج البلاد إلى حكومة قادرة على إدارة الأزمة.")
        #expect(!found.contains { $0.hasPrefix("حكومة") }, "\(found)")
    }

    @Test func armedForcesAndAnAuthorityAreBodies() {
        let found = entities("التقى قادة القوات المسلحة الكينية بممثلي السلطة الوطنية للمياه.")
        #expect(found.contains("القوات المسلحة الكينية/ORG"), "\(found)")
        #expect(found.contains("السلطة الوطنية للمياه/ORG"), "\(found)")
    }

    /// A head with the article takes adjectives only: the definite noun after
    /// them is the verb's object, not part of the name.
    @Test func aDefiniteNounAfterADefiniteHeadsAdjectiveIsNotPartOfTheName() {
        let found = entities("تدين الهيئة الكينية الهجوم الذي وقع في المدينة أمس.")
        #expect(found.contains("الهيئة الكينية/ORG"), "\(found)")
        #expect(!found.contains { $0.contains("الهجوم") }, "\(found)")
        let nested = entities("قرر المجلس الأعلى للقضاء الإداري تأجيل الجلسة.")
        #expect(nested.contains("المجلس الأعلى للقضاء الإداري/ORG"), "\(nested)")
    }

    /// A feminine plural head takes an adjective in ة: "انتخابات نزيهة" is no
    /// event's name; "سواء" is a particle, no name either.
    @Test func anAdjectiveAgreeingWithAFemininePluralIsNoName() {
        let found = entities("طالب المشاركون بإجراء انتخابات نزيهة في البلاد خلال العام.")
        #expect(!found.contains { $0.hasPrefix("انتخابات") }, "\(found)")
        let particle = entities("يجب احترام نتائج انتخابات سواء كانت عادلة أم لا.")
        #expect(!particle.contains { $0.hasPrefix("انتخابات") }, "\(particle)")
    }

    /// A mission (بعثة) is an organisation named by the country it serves
    /// in: "في" and the place close its name.
    @Test func aMissionIsNamedWithTheCountryItServesIn() {
        let found = EnrichTestSupport.entities("رحبت الحكومة بعمل بعثة الاتحاد الأفريقي في الصومال خلال العام الماضي.")
        #expect(found.contains("بعثة الاتحاد الأفريقي في الصومال/ORG"), "\(found)")
    }

    @Test func waAfterANationalityJoinsAnotherBody() {
        let found = entities("ناقش مجلس العموم البريطاني والبوندستاغ المسألة في جلستين منفصلتين.")
        #expect(found.contains("مجلس العموم البريطاني/ORG"), "\(found)")
        #expect(!found.contains { $0.contains("البوندستاغ") && $0.contains("مجلس") }, "\(found)")
        #expect(!found.contains { $0.contains("المسألة") }, "\(found)")
    }

    @Test func aCoordinatedNounInsideAMinistrysNameStays() {
        let found = entities("أعلنت وزارة الموارد المائية والري المصرية خطة جديدة.")
        #expect(found.contains("وزارة الموارد المائية والري المصرية/ORG"), "\(found)")
        let second = entities("وقالت وزارة التربية والتعليم المسألة ستحل.")
        #expect(second.contains("وزارة التربية والتعليم/ORG"), "\(second)")
    }

    @Test func theNameAfterAMediaWordIsAnOutlet() {
        let found = entities("ونقلت صحيفة الخليج عن مصادر أن جريدة الأهرام ومجلة المجتمع تابعتا الخبر.")
        #expect(found.contains("الخليج/ORG"), "\(found)")
        #expect(!found.contains("الخليج/PLACE"), "\(found)")
        #expect(found.contains("الأهرام/ORG"), "\(found)")
        #expect(found.contains("المجتمع/ORG"), "\(found)")
    }

    @Test func aNationalityAfterAnOutletIsNotItsName() {
        let found = entities("ذكرت صحيفة الغارديان البريطانية أن الاجتماع تأجل.")
        #expect(found.contains("الغارديان/ORG"), "\(found)")
    }

    @Test func aCanalIsAPlaceAndAMediaWordAloneNamesNothing() {
        let found = entities("عبرت السفينة قناة السويس، وكتبت صحيفة محلية عن ذلك.")
        #expect(found.contains("قناة السويس/PLACE"), "\(found)")
        #expect(!found.contains("السويس/ORG"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("محلية") }, "\(found)")
    }
}
