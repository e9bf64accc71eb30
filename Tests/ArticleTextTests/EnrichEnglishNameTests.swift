import Testing

@testable import ArticleText

/// English names: initialisms keep their full stop, a middle initial stays
/// inside a name, a royal rank is part of the name, runs of everyday words
/// are no person, and head words type a run. Sentences written for the
/// project.
@Suite(.timeLimit(.minutes(5))) struct EnrichEnglishNameTests {
    private func entities(_ text: String) -> [String] { EnrichTestSupport.entities(text) }

    @Test func anInitialismKeepsItsFullStop() {
        #expect(EnrichTokeniser.tokens(of: "the U.S. said").map(\.text) == ["the", "U.S.", "said"])
        #expect(EnrichTokeniser.tokens(of: "in the U.S.").map(\.text) == ["in", "the", "U.S."])
        #expect(EnrichTokeniser.tokens(of: "Amazon.com").map(\.text) == ["Amazon.com"])
    }

    @Test func aMiddleInitialStaysInsideAName() {
        #expect(entities("Secretary of State Antony J. Blinken met the minister.").contains("Antony J. Blinken/PERSON"))
    }

    @Test func aRoyalRankIsPartOfTheName() {
        #expect(entities("The visit by Prince William was cut short.").contains("Prince William/PERSON"))
    }

    @Test func everydayWordsAreNoPerson() {
        let found = entities("Troops moved into the Far East after a Charge Demolition began.")
        #expect(!found.contains { $0.hasSuffix("/PERSON") }, "\(found)")
    }

    @Test func headWordsTypeARun() {
        let found = entities("The Labour Government said flights to Alice Springs resume.")
        #expect(found.contains("Labour Government/ORG"), "\(found)")
        #expect(found.contains("Alice Springs/PLACE"), "\(found)")
    }

    @Test func anOfficeIsNoPlaceAndEndsABodysName() {
        let found = entities("Secretary of State Karen Holloway met Fisheries Council President Tomas Ruiz in Lisbon.")
        #expect(found.contains("Karen Holloway/PERSON"), "\(found)")
        #expect(found.contains("Fisheries Council/ORG"), "\(found)")
        #expect(found.contains("Tomas Ruiz/PERSON"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Secretary of State") }, "\(found)")
    }

    @Test func aSpokespersonIsATitleAndAMonthEndsAName() {
        let found = entities("Spokesperson Dana Whitfield said talks in Amman October will go on.")
        #expect(found.contains("Dana Whitfield/PERSON"), "\(found)")
        #expect(!found.contains { $0.contains("October") }, "\(found)")
    }

    @Test func aPlacesNameAfterAGivenNameIsTheSurname() {
        let found = entities("Voters cheered when Marisol Toledo spoke. Toledo promised new roads.")
        #expect(found.contains("Marisol Toledo/PERSON"), "\(found)")
        #expect(found.filter { $0 == "Toledo/PERSON" }.count == 1, "\(found)")
    }

    @Test func aRunEndingInAnEverydayWordIsNoPerson() {
        let found = entities("Fans packed the ground for the Brisbane Test before the Geneva Memorandum was signed.")
        #expect(!found.contains { $0.hasSuffix("/PERSON") }, "\(found)")
    }

    @Test func aRepublicOrKingdomIsAPlace() {
        let found = entities("Trade between the Slovak Republic and the Hashemite Kingdom grew.")
        #expect(found.contains("Slovak Republic/PLACE"), "\(found)")
        #expect(found.contains("Hashemite Kingdom/PLACE"), "\(found)")
    }

    @Test func aNationalityBeforeABodyIsPartOfItsName() {
        let found = entities("The Russian Fisheries Ministry asked the Pacific Fleet Command for help.")
        let officer = entities("He met Palestinian Authority President Salim Haddad on Monday.")
        #expect(officer.contains("Palestinian Authority/ORG"), "\(officer)")
        #expect(officer.contains("Salim Haddad/PERSON"), "\(officer)")
        #expect(found.contains("Russian Fisheries Ministry/ORG"), "\(found)")
        #expect(found.contains("Pacific Fleet Command/ORG"), "\(found)")
    }

    /// An office title opening a sentence is not part of the name after it.
    @Test func anOfficeTitleIsNotPartOfTheName() {
        let found = entities("Administrator Jane Holloway says the payments started overnight.")
        #expect(found.contains("Jane Holloway/PERSON"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Administrator") }, "\(found)")
        let coroner = entities("Coroner Dick Farrell found the boy should not have been in detention.")
        #expect(coroner.contains("Dick Farrell/PERSON"), "\(coroner)")
    }

    /// "and" between two everyday nouns after "of" joins a body's field; two
    /// names joined by "and" stay two.
    @Test func aBodysFieldJoinedWithAndStaysInTheName() {
        let found = entities("A report by the National Institute of Housing and Planning was released on Tuesday.")
        #expect(found.contains("National Institute of Housing and Planning/ORG"), "\(found)")
        let two = entities("The Ministry of Finance and Deutsche Bank signed the deal.")
        #expect(!two.contains { $0.hasPrefix("Ministry of Finance and") }, "\(two)")
    }

    /// A capitalised acronym in parentheses names a body, unless it is a time
    /// zone's abbreviation.
    @Test func aTimeZoneInParenthesesIsNoOrganisation() {
        let found = entities("The first fire was lit at about 11:00pm (ACDT) last night, the department said.")
        #expect(!found.contains { $0.hasPrefix("ACDT") }, "\(found)")
        let body = entities("The report was written for the committee on legal affairs (JURI) last year.")
        #expect(body.contains("JURI/ORG"), "\(body)")
    }

    /// A body's name opening with an everyday noun or a nationality: the
    /// words that are no name alone stay in front of the keyword.
    @Test func aBodyNamedByAnEverydayNounOrANationality() {
        let found = entities("Farmers wrote to the Law Council and the Health Department, and the Kenyan Government replied on Friday.")
        #expect(found.contains("Law Council/ORG"), "\(found)")
        #expect(found.contains("Health Department/ORG"), "\(found)")
        #expect(found.contains("Kenyan Government/ORG"), "\(found)")
        // "the Government" alone names no one.
        #expect(!entities("The Government said it would reply on Friday.").contains { $0.hasPrefix("Government") })
    }

    /// Each part of a coordination takes its own keyword: a body and a place,
    /// never a person.
    @Test func aCoordinatedPlaceAfterABodyIsAPlace() {
        let found = entities("Officials from the Farmers Party and Kandahar Province met in the capital.")
        #expect(found.contains("Farmers Party/ORG"), "\(found)")
        #expect(found.contains("Kandahar Province/PLACE"), "\(found)")
    }

    /// Administrative divisions named with their head word.
    @Test func aGovernorateIsAPlace() {
        let found = entities("Aid reached the Governorate of Dhamar and Ibb Governorate on Sunday.")
        #expect(found.contains("Governorate of Dhamar/PLACE"), "\(found)")
        #expect(found.contains("Ibb Governorate/PLACE"), "\(found)")
    }

    /// A lower-case particle marks a person's name even when its last word is
    /// an everyday word ("laden").
    @Test func aNameWithAParticleIsAPerson() {
        let found = entities("A recording said Osama bin Laden was alive and well.")
        #expect(found.contains("Osama bin Laden/PERSON"), "\(found)")
    }

    /// A bare "the" between two capitalised runs ends the first name.
    @Test func aBareTheEndsAName() {
        let found = entities("An official told Channel Ten Radio the Palestinian group had left.")
        #expect(found.contains("Channel Ten Radio/ORG"), "\(found)")
        #expect(!found.contains { $0.contains("the Palestinian") }, "\(found)")
    }

    /// Places of detention are places, each of a coordination on its own.
    @Test func aDetentionCentreIsAPlace() {
        let found = entities("Detainees at the Curtin Detention Centre and Port Hedland Immigration Detention Centre protested.")
        #expect(found.contains("Curtin Detention Centre/PLACE"), "\(found)")
        #expect(found.contains("Port Hedland Immigration Detention Centre/PLACE"), "\(found)")
    }

    /// A web address standing as a name is an outlet, even before "said";
    /// "Press Releases" is a page section, no organisation.
    @Test func aWebAddressIsAnOutlet() {
        let found = entities("GulfNews.com said the report was accurate. Press Releases")
        #expect(found.contains("GulfNews.com/ORG"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("GulfNews.com/PERSON") || $0.hasPrefix("Press") }, "\(found)")
    }

    /// Two names joined by "&" are a firm; two everyday words so joined are a menu.
    @Test func twoNamesJoinedByAnAmpersandAreAFirm() {
        let found = EnrichTestSupport.entities("The audit by Dun & Bradstreet found that Marks & Spencer paid late, the News & Events page said.")
        #expect(found.contains("Dun & Bradstreet/ORG"), "\(found)")
        #expect(found.contains("Marks & Spencer/ORG"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("News") }, "\(found)")
    }

    /// "Chief Executive" is an office: the name after it starts after it.
    @Test func anExecutiveIsAnOfficeBeforeAName() {
        let found = entities("Speaking in Leeds, Chief Executive Marta Kowalczyk said sales rose.")
        #expect(found.contains("Marta Kowalczyk/PERSON"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Executive") }, "\(found)")
    }

    /// A lone surname before "administration" names the leader it serves;
    /// a nationality there names none.
    @Test func aSurnameBeforeAdministrationIsAPerson() {
        let found = entities("Critics said the Harding administration had cut aid, and the Chinese administration agreed.")
        #expect(found.contains("Harding/PERSON"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("Chinese") }, "\(found)")
    }

    /// "the Labour MP for Harlow Vale": the word before MP is the member's
    /// party, the run after "MP for" the seat, a place.
    @Test func aMembersPartyAndSeatAreAnOrganisationAndAPlace() {
        let found = entities("Dana Pryce, the Labour MP for Harlow Vale, said the cuts were unfair.")
        #expect(found.contains("Dana Pryce/PERSON"), "\(found)")
        #expect(found.contains("Labour/ORG"), "\(found)")
        #expect(found.contains("Harlow Vale/PLACE"), "\(found)")
    }

    /// A head word alone before "and" is no name of its own: the coordination
    /// is inside one body's name.
    @Test func aBareHeadWordBeforeAndStaysInsideTheName() {
        let found = entities("A survey by the Institute and Faculty Union found long hours.")
        #expect(found.contains("Institute and Faculty Union/ORG"), "\(found)")
        #expect(!found.contains("Institute/ORG"), "\(found)")
    }

    /// An acronym acting as a subject is a body (and so are its other
    /// mentions); an acronym used as a modifier or an everyday word is not.
    @Test func anActingAcronymIsABody() {
        let found = entities("The review said ACMA already has the power to act. A rise in HIV infection worried doctors, and AIDS is spreading.")
        #expect(found.contains("ACMA/ORG"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("HIV") || $0.hasPrefix("AIDS") }, "\(found)")
    }
}
