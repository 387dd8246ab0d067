//! Table-driven tests of the hard forms, through the whole pipeline.

use readout_extract::{DocHints, Document, Extractor, Kind};
use readout_lexicon::Lexicon;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(&Lexicon::builtin().unwrap()))
}

fn extract(text: &str) -> Document {
    extractor().extract(text.as_bytes(), "test.txt", &DocHints::default()).unwrap()
}

/// The actors of the statement starting with `start`.
fn actors_of(doc: &Document, start: &str) -> Vec<String> {
    let s = doc
        .statements
        .iter()
        .find(|s| s.text.starts_with(start))
        .unwrap_or_else(|| panic!("no statement {start}"));
    let mut a = s.actors.clone();
    a.sort();
    a
}

#[test]
fn actors_are_the_agent_side() {
    let doc = extract(
        "President Trump and Prime Minister Abe met in Tokyo on November 6, 2017.\n\n\
         The two leaders agreed to impose further sanctions on North Korea.\n\n\
         The President welcomed China's role.\n\n\
         They will continue to cooperate with the Republic of Korea.\n\n\
         On November 7, OPIC will sign memoranda of understanding with JBIC and NEXI.\n\n\
         Toyota and Mazda announced a $1.6 billion investment in the United States.\n\n\
         Bilateral economic ties are strengthened by Japan's investment.\n\n\
         Direct hires [by Japanese companies] in the U.S. have reached 860,000.\n\n\
         Prime Minister Modi and President Macron launched the International Solar Alliance.\n\n\
         Abe: We decided to implement further sanctions on North Korea.\n\n\
         Mr. KISHIDA Fumio, who is visiting Washington, held a summit meeting with President Biden.\n\n\
         On the afternoon of November 15, 2023, President Xi Jinping met with U.S. President Joe Biden in California.\n\n\
         Prime Minister Kishida, who is visiting Washington, D.C., held a meeting with President Marcos.\n\n\
         Mr. KISHIDA Fumio held a summit meeting with H.E. Mr. Ferdinand Romualdez Marcos Jr., President of the Philippines.\n\n\
         The Japan Maritime Self-Defense Force and the Philippine Coast Guard conducted a joint exercise.\n\n\
         Both Prime Ministers signed a new declaration.\n\n\
         Biden said he and Xi agreed to pick up the phone.\n\n\
         Japan and Chile signed an economic partnership agreement.\n\n\
         India will host the summit in 2024, and Japan will provide $5 million for cables.\n\n\
         Australia will host the summit and support India and Japan in their work.\n\n\
         The EU will co-host the next forum with Japan in October.\n\n\
         Mr. KISHIDA Fumio, Prime Minister of Japan, held a summit meeting with the Hon. Anthony Albanese MP, Prime Minister of Australia.\n\n\
         China will invest RMB 10 billion, while India will spend Rs 1,000 crore on the project.\n\n\
         President Biden spoke today with President Luiz Inácio Lula da Silva of Brazil.\n\n\
         President Ferdinand Marcos Jr. hosted Prime Minister Anthony Albanese in Manila.\n\n\
         President Yoon Suk Yeol received a letter from President Biden.\n\n\
         Mr. ISHIBA Shigeru held a summit meeting with H.E. Mr. LEE Jae Myung, President of the Republic of Korea.\n\n\
         President Yoon invited President Biden to visit Korea, and President Biden accepted the invitation.\n",
    );
    let cases: &[(&str, &[&str])] = &[
        ("President Trump and Prime Minister Abe met", &["JPN", "USA"]),
        ("The two leaders agreed", &["JPN", "USA"]),
        ("The President welcomed", &["USA"]),
        ("They will continue", &["JPN", "USA"]),
        ("On November 7, OPIC will sign", &["JPN", "USA"]),
        ("Toyota and Mazda", &["JPN"]),
        ("Bilateral economic ties", &["JPN"]),
        ("Direct hires", &["JPN"]),
        ("Prime Minister Modi", &["FRA", "IND"]),
        ("We decided", &["JPN"]),
        ("Mr. KISHIDA Fumio", &["JPN", "USA"]),
        ("On the afternoon of November 15, 2023", &["CHN", "USA"]),
        ("The Japan Maritime Self-Defense Force and the Philippine Coast Guard", &["JPN", "PHL"]),
        ("Both Prime Ministers signed", &["JPN", "USA"]),
        ("Biden said he and Xi", &["CHN", "USA"]),
        ("Japan and Chile", &["CHL", "JPN"]),
        // A place in a relative clause acts not; "Mr." ends no phrase.
        ("Prime Minister Kishida, who is visiting", &["JPN", "PHL"]),
        ("Mr. KISHIDA Fumio held", &["JPN", "PHL"]),
        // A clause joined after the main one has its own subject; objects
        // after "and" are none.
        ("India will host", &["IND", "JPN"]),
        ("Australia will host", &["AUS"]),
        // Who co-hosts with a country acts with it; the EU is no country.
        ("The EU will co-host", &["JPN"]),
        // "Hon." is a title's dot, not a sentence's.
        ("Mr. KISHIDA Fumio, Prime Minister of Japan", &["AUS", "JPN"]),
        ("China will invest", &["CHN", "IND"]),
        // A call with a leader: both sides act.
        ("President Biden spoke today", &["BRA", "USA"]),
        // A leader hosted acts; a leader whose letter is received does not.
        ("President Ferdinand Marcos Jr. hosted", &["AUS", "PHL"]),
        ("President Yoon Suk Yeol received", &["KOR"]),
        // A name readout does not know, then its office.
        ("Mr. ISHIBA Shigeru held", &["JPN", "KOR"]),
        // A titled person as a subject joined after the main clause.
        ("President Yoon invited", &["KOR", "USA"]),
    ];
    for (start, want) in cases {
        assert_eq!(actors_of(&doc, start), *want, "{start}");
    }
    let speaker = doc.statements.iter().find(|s| s.text.starts_with("We decided")).unwrap();
    assert_eq!(speaker.speaker.as_deref(), Some("JPN"));
}

#[test]
fn the_principal_parties_are_not_the_objects() {
    // Russia and Ukraine are named more often than Japan, but only as
    // objects and places: "we" are not they.
    let doc = extract(
        "We, the Leaders of the Group of Seven, met in Hiroshima on May 19, 2023.\n\n\
         We will continue to impose sanctions on Russia.\n\n\
         We will support Ukraine, and we condemn Russia's war against Ukraine.\n\n\
         We will provide assistance to Ukraine and pressure Russia.\n\n\
         Japan will host a ministerial meeting on food security.\n\n\
         The EU will mobilise EUR 2 billion for the fund.\n",
    );
    // An international body is no country.
    assert!(actors_of(&doc, "The EU will").is_empty());
    let we = actors_of(&doc, "We, the Leaders");
    assert!(!we.iter().any(|c| c == "RUS" || c == "UKR"), "{we:?}");
    assert_eq!(actors_of(&doc, "Japan will host"), ["JPN"]);
    // Leaders named in an apposition after "we—" are the parties.
    let quad = extract(
        "Joint Statement from Quad Leaders\n\n\
         Today, we—Prime Minister Scott Morrison of Australia, Prime Minister Narendra Modi of India, \
         Prime Minister Yoshihide Suga of Japan, and President Joe Biden of the United States—meet in person.\n\n\
         We recommit to promoting the free, open, rules-based order.\n\n\
         Japan will continue to support India through 100 billion yen in ODA loans.\n",
    );
    assert_eq!(actors_of(&quad, "We recommit"), ["AUS", "IND", "JPN", "USA"]);
}

#[test]
fn press_reports_speakers_and_bylines() {
    let doc = extract(
        "By Jane Doe, Staff Writer\n\n\
         SEOUL (Reuters) - President Moon Jae-in and President Trump met on Sunday, June 30, 2019.\n\n\
         Moon said the two leaders agreed to resume working-level talks within weeks.\n\n\
         \"We will continue to work together for denuclearization,\" Trump told reporters.\n\n\
         South Korea will spend 1.5 trillion won ($1.3 billion) on weapons systems next year.\n",
    );
    assert_eq!(doc.title, None, "a byline is not a title");
    assert!(!doc.text.contains("Staff Writer"));
    assert_eq!(doc.publisher.as_str(), "press");
    assert_eq!(doc.date.as_deref(), Some("2019-06-30"));
    let said = doc.statements.iter().find(|s| s.text.starts_with("Moon said")).unwrap();
    assert_eq!(said.kind, Kind::Commitment, "reported speech takes the kind of what was said");
    assert_eq!(actors_of(&doc, "\"We will continue"), ["USA"]);
    let won = doc.statements.iter().find(|s| s.text.starts_with("South Korea")).unwrap();
    let units: Vec<&str> = won.quantities.iter().filter_map(|q| q.unit.as_deref()).collect();
    assert_eq!(units, ["KRW", "USD"], "an amount given twice in one breath is two quantities");
}

#[test]
fn joint_declarations_of_other_governments() {
    let doc = extract(
        "Joint Declaration by France and India\nParis, 14 July 2023\n\n\
         President Emmanuel Macron and Prime Minister Narendra Modi adopted the Horizon 2047 roadmap.\n\n\
         The two countries agreed to set up a joint fund of €100 million for start-ups by next year.\n",
    );
    assert_eq!(doc.publisher.as_str(), "other-gov");
    assert_eq!(doc.date.as_deref(), Some("2023-07-14"), "the dateline dates it");
    assert!(doc.statements[0].dates.is_empty(), "Horizon 2047 is a name, not a date");
    let fund = &doc.statements[1];
    assert_eq!(fund.quantities[0].unit.as_deref(), Some("EUR"));
    assert_eq!(fund.dates[0].value, "2024");
}

#[test]
fn another_governments_own_release() {
    // GOV.UK: "the Prime Minister" is the British one, though Kishida was
    // the last prime minister named; the "From:" field is no title.
    let uk = extract(
        "Press release\n\nFrom: Prime Minister's Office, 10 Downing Street\n\n\
         UK-Japan Summit: Hiroshima Accord\n\n\
         Prime Minister Rishi Sunak met Prime Minister Fumio Kishida in Hiroshima on 18 May 2023.\n\n\
         The Prime Minister announced a fund of £2 million for joint research.\n\n\
         The leaders agreed to hold the next summit in London.\n\n\
         Published 18 May 2023\n\nLast updated 19 May 2023\n",
    );
    assert_eq!(uk.publisher.as_str(), "other-gov");
    assert_eq!(uk.title.as_deref(), Some("UK-Japan Summit: Hiroshima Accord"));
    let issued = extract("Joint Statement\n\nIssued on 10 September 2023\n\nThe leaders met in New Delhi.\n");
    assert_eq!(issued.title.as_deref(), Some("Joint Statement"), "a dateline is no title");
    assert_eq!(actors_of(&uk, "The Prime Minister announced"), ["GBR"]);
    // A leader met without "with" acts too; the first named is the
    // publisher's own.
    assert_eq!(actors_of(&uk, "Prime Minister Rishi Sunak met"), ["GBR", "JPN"]);
    let leaders = uk.statements.iter().find(|s| s.text.starts_with("The leaders agreed")).unwrap();
    assert_eq!(leaders.actors, ["GBR", "JPN"]);
    // India's MEA, with a form of address between title and name: Modi is
    // a party, Kishida an object, "the Prime Minister" Modi.
    let mea = extract(
        "Visit of Prime Minister to Japan (May 19-21, 2023)\n\n\
         Prime Minister Shri Narendra Modi met Prime Minister Fumio Kishida of Japan in Hiroshima.\n\n\
         The Prime Minister thanked Prime Minister Kishida for the invitation.\n\n\
         Both leaders reviewed progress on the high speed rail project.\n\n\
         May 20, 2023\nMinistry of External Affairs\n",
    );
    assert_eq!(mea.publisher.as_str(), "other-gov");
    assert_eq!(actors_of(&mea, "The Prime Minister thanked"), ["IND"]);
    assert_eq!(actors_of(&mea, "Both leaders"), ["IND", "JPN"]);
    let pib = extract(
        "PM meets Prime Minister of Japan\n\nPosted On: 20 MAY 2023 6:30PM by PIB Delhi\n\n\
         Prime Minister Shri Narendra Modi met Prime Minister of Japan, H.E. Mr. Fumio Kishida, in Hiroshima.\n",
    );
    assert_eq!(pib.publisher.as_str(), "other-gov");
    assert_eq!(pib.title.as_deref(), Some("PM meets Prime Minister of Japan"), "'Posted On:' is a field");
    assert_eq!(actors_of(&pib, "Prime Minister Shri"), ["IND", "JPN"]);
    // Seoul's own account, though it quotes Kishida's words.
    let rok = extract(
        "Korea-Japan Summit\n\nOffice of the President, Republic of Korea\n\nMarch 16, 2023\n\n\
         President Yoon Suk Yeol held a summit with Japanese Prime Minister Kishida Fumio in Tokyo on March 16.\n\n\
         Prime Minister Kishida stated that Japan will lift its export controls.\n",
    );
    assert_eq!(rok.publisher.as_str(), "other-gov");
    assert_eq!(actors_of(&rok, "President Yoon"), ["JPN", "KOR"]);
    // Canberra's media release: the site's name on a line of its own.
    let au = extract(
        "Media release: Australia-India Annual Summit\n\nPrime Minister of Australia\n\n10 March 2023\n\n\
         Today I held the first Australia-India Annual Summit with Prime Minister Narendra Modi in New Delhi.\n",
    );
    assert_eq!(au.publisher.as_str(), "other-gov");
    assert_eq!(actors_of(&au, "Today I held"), ["AUS", "IND"]);
    // Canberra's "$" is the Australian dollar; "US$" stays American.
    let au_money = extract(
        "Media release\n\nPrime Minister of Australia\n\n10 March 2023\n\n\
         Australia will invest $25.2 million in the partnership, and the United States US$5 million.\n",
    );
    let units: Vec<_> = au_money.statements[0].quantities.iter().map(|q| q.unit.as_deref()).collect();
    assert_eq!(units, [Some("AUD"), Some("USD")]);
    // Not a meeting of governments: troops met are no actor.
    let troops = extract(
        "President Trump met American and Japanese troops at Yokota Air Base.\n\n\
         President Trump met Japanese business leaders in Tokyo.\n\n\
         The President thanked Prime Minister Abe.\n",
    );
    assert_eq!(actors_of(&troops, "President Trump met American"), ["USA"]);
    assert_eq!(actors_of(&troops, "President Trump met Japanese"), ["USA"]);
}

#[test]
fn headlines_of_other_houses() {
    // A long headline keeps its prepositions small; a two-word one may
    // hyphenate; the Kremlin's dateline names its government.
    let seoul = extract(
        "Leaders' Joint Statement in Commemoration of the 70th Anniversary of the Alliance between the United States of America and the Republic of Korea\n\n\
         April 26, 2023\n\n\
         President Joseph R. Biden, Jr. welcomed President Yoon Suk Yeol of the Republic of Korea to Washington for a State Visit.\n",
    );
    assert!(
        seoul.title.as_deref().is_some_and(|t| t.starts_with("Leaders' Joint Statement")),
        "{:?}",
        seoul.title
    );
    assert_eq!(seoul.statements.len(), 1);
    assert_eq!(seoul.statements[0].kind, Kind::Action, "hosting a visitor is an act");
    let moscow = extract(
        "Russian-Chinese talks\n\n\
         March 21, 2023, 16:00, The Kremlin, Moscow\n\n\
         Following the talks, the two leaders signed a Joint Statement.\n\n\
         We are confident that trade will reach $200 billion by 2024.\n",
    );
    assert_eq!(moscow.title.as_deref(), Some("Russian-Chinese talks"));
    assert_eq!(moscow.publisher.as_str(), "other-gov");
    assert_eq!(actors_of(&moscow, "We are confident"), ["RUS"]);
    let joint = extract(
        "China-Pakistan Joint Statement\n\nBeijing, 20 October 2023\n\n\
         The Chinese side will provide RMB 2 billion in grants to Pakistan.\n",
    );
    assert_eq!(joint.publisher.as_str(), "other-gov");
    // A leader readout does not know, under a title the publisher's
    // country does not give: not the publisher's.
    let hanoi = extract(
        "Japan-Viet Nam Summit Meeting\n\n\
         Prime Minister Kishida welcomed the President to Tokyo.\n\n\
         President Vuong expressed his gratitude for Japan's support.\n",
    );
    assert!(
        actors_of(&hanoi, "President Vuong").iter().all(|c| c != "JPN"),
        "{:?}",
        actors_of(&hanoi, "President Vuong")
    );
    assert_eq!(joint.title.as_deref(), Some("China-Pakistan Joint Statement"));
}

#[test]
fn a_transcripts_speaker_holds_until_the_next_label() {
    let doc = extract(
        "Remarks by President Biden and Prime Minister Kishida in Joint Press Conference\n\n\
         PRESIDENT BIDEN: Good afternoon. Japan and the United States are closer than ever.\n\n\
         We agreed to modernize our military alliance.\n\n\
         PRIME MINISTER KISHIDA: Japan will double its defense budget by 2027.\n\n\
         We will acquire counterstrike capabilities.\n\n\
         Q: Mr. President, will you visit Hiroshima?\n\n\
         Thank you all for coming.\n",
    );
    let speaker = |start: &str| {
        doc.statements.iter().find(|s| s.text.starts_with(start)).and_then(|s| s.speaker.clone())
    };
    assert_eq!(speaker("We agreed").as_deref(), Some("USA"));
    assert_eq!(actors_of(&doc, "We agreed"), ["JPN", "USA"], "an agreement is both sides'");
    assert_eq!(speaker("We will acquire").as_deref(), Some("JPN"));
    assert_eq!(actors_of(&doc, "We will acquire"), ["JPN"]);
    assert_eq!(speaker("Thank you all"), None, "a question ends the answer");
    // "… and I": the speaker is one of the subjects.
    let joint = extract(
        "PRESIDENT BIDEN: Good afternoon.\n\n\
         Today, Prime Minister Kishida and I signed an agreement on space.\n",
    );
    assert_eq!(actors_of(&joint, "Today, Prime Minister Kishida and I"), ["JPN", "USA"]);
    // A gist's "Abe:" label holds for its own paragraph only.
    let gist = extract(
        "Abe: We decided to impose further sanctions.\n\n\
         The two leaders agreed to meet again in Washington.\n",
    );
    let narrative = gist.statements.iter().find(|s| s.text.starts_with("The two leaders")).unwrap();
    assert_eq!(narrative.speaker, None);
}

#[test]
fn a_government_page_with_its_navigation() {
    let doc = extract(
        "The White House\nBriefing Room\nStatements & Releases\n\n\
         FACT SHEET: President Biden and Prime Minister Kishida Strengthen the Global Partnership\n\n\
         April 10, 2024\n\n\
         Today, President Biden welcomed Prime Minister Kishida to the White House.\n",
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("FACT SHEET: President Biden and Prime Minister Kishida Strengthen the Global Partnership")
    );
    assert_eq!(doc.date.as_deref(), Some("2024-04-10"));
    assert_eq!(doc.statements.len(), 1, "navigation, headline and date are no statements");
    assert_eq!(doc.statements[0].dates[0].value, "2024-04-10");
}

#[test]
fn joint_statements_in_the_present_tense() {
    let doc = extract(
        "Joint Statement from Quad Leaders\nSeptember 24, 2021\n\n\
         We, the leaders of Australia, India, Japan, and the United States, met in person today.\n\n\
         We recommit to promoting the free, open, rules-based order in the Indo-Pacific.\n\n\
         We reaffirm our strong commitment to ASEAN centrality.\n\n\
         Together, we will donate more than 1.2 billion vaccine doses globally.\n\n\
         We launch a Quad Fellowship for 100 students each year.\n\n\
         We condemn the launch of ballistic missiles in violation of UN resolutions.\n",
    );
    let kinds: Vec<(Kind, Option<readout_extract::Modality>)> =
        doc.statements.iter().map(|s| (s.kind, s.modality)).collect();
    use readout_extract::Modality::*;
    assert_eq!(
        kinds,
        [
            (Kind::Action, Some(Completed)),
            (Kind::Commitment, Some(Ongoing)),
            (Kind::Commitment, Some(Ongoing)),
            (Kind::Commitment, Some(Future)),
            (Kind::Action, Some(Completed)),
            (Kind::Position, Some(Ongoing)),
        ]
    );
    for s in &doc.statements {
        let mut a = s.actors.clone();
        a.sort();
        assert_eq!(a, ["AUS", "IND", "JPN", "USA"], "{}", s.text);
    }
}

#[test]
fn forms_of_other_summits() {
    let doc = extract(
        "Joint Statement of Canada and Mexico\n\n         The two leaders recalled the Prime Minister's state visit of March 2022.\n\n         The President will attend the next Leaders' Summit to be hosted by Canada in 2025.\n\n         We are therefore working together, at every level, to face the challenges of today and tomorrow.\n\n         A Canadian firm, with support from the Mexican Ministry of Economy, will invest $400 million in a new plant.\n\n         Bilateral trade exceeded $90 billion in 2022.\n\n         The network has 14 member countries, and the two countries chair it.\n\n         The Prime Minister thanked the President for the hospitality and the investigation of the fire.\n\n         The two leaders reached agreements in several areas when they met.\n\n         The leaders announced their intent to build a port partnership.\n\n         The two sides inked six agreements, including one that will fund a railway.\n\n         \"We discussed the situation in the region. We need resolve,\" Prime Minister Trudeau said.\n",
    );
    // A meeting "to be hosted in 2025" is ahead: the text is of 2022.
    assert_eq!(doc.date.as_deref(), Some("2022"));
    let by_start = |start: &str| doc.statements.iter().find(|s| s.text.starts_with(start)).unwrap();
    let working = by_start("We are therefore working");
    assert_eq!(working.kind, Kind::Commitment, "an adverb inside 'are working'");
    assert!(working.dates.is_empty(), "'of today and tomorrow' is an age, not a day");
    let invest = by_start("A Canadian firm");
    assert_eq!(invest.kind, Kind::Commitment, "'with support from' is no stance");
    assert_eq!(invest.modality, Some(readout_extract::Modality::Future));
    let trade = by_start("Bilateral trade");
    assert_eq!(trade.quantities[0].qualifier, readout_extract::Qualifier::MoreThan);
    let members = by_start("The network");
    let counts: Vec<(f64, Option<&str>)> =
        members.quantities.iter().map(|q| (q.value, q.unit.as_deref())).collect();
    assert_eq!(counts, [(14.0, Some("country"))], "the two countries are the parties");
    assert_eq!(by_start("The two leaders reached").kind, Kind::Action);
    let intent = by_start("The leaders announced their intent");
    assert_eq!(
        (intent.kind, intent.modality),
        (Kind::Commitment, Some(readout_extract::Modality::Future)),
        "an announced intent is a plan"
    );
    assert_eq!(by_start("The two sides inked").kind, Kind::Action, "inked is signed");
    // A paragraph that is one quotation is its speaker's, sentence by sentence.
    for start in ["\"We discussed", "We need resolve"] {
        assert_eq!(by_start(start).speaker.as_deref(), Some("CAN"), "{start}");
    }
    let thanks = by_start("The Prime Minister thanked");
    assert!(
        !thanks.domains.iter().any(|d| d == "health" || d == "investment"),
        "hospitality is no hospital, an investigation no investment: {:?}",
        thanks.domains
    );
}

#[test]
fn a_group_speaks_for_its_members() {
    let g7 = extract(
        "G7 Leaders' Communiqué\nHiroshima, May 20, 2023\n\n\
         We, the Leaders of the Group of Seven (G7), met in Hiroshima for our annual Summit on May 19-21, 2023.\n\n\
         We will continue to provide the support Ukraine requires for as long as it takes.\n\n\
         We welcome Japan's leadership in launching the Hiroshima AI Process by the end of this year.\n",
    );
    let seven = ["CAN", "DEU", "FRA", "GBR", "ITA", "JPN", "USA"];
    for s in &g7.statements {
        let mut a = s.actors.clone();
        a.sort();
        assert_eq!(a, seven, "Ukraine and Japan named are no parties of their own: {}", s.text);
    }
    // Named countries stay the parties of a text that names no group.
    let quad = extract(
        "We, the Leaders of Australia, India, Japan, and the United States, met today.\n\n\
         We will work with the G7 on clean energy.\n",
    );
    assert_eq!(actors_of(&quad, "We will work"), ["AUS", "IND", "JPN", "USA"]);
    // A user's lexicon adds a group.
    let mut lex = Lexicon::builtin().unwrap();
    lex.extend_from_str(
        "mine.toml",
        "[[actors.group]]\naliases = [\"Nordic Council\"]\nmembers = [\"NOR\", \"SWE\"]\n",
    )
    .unwrap();
    let nordic = Extractor::new(&lex)
        .extract(
            "We, the Leaders of the Nordic Council, will meet again in Oslo.".as_bytes(),
            "t.txt",
            &DocHints::default(),
        )
        .unwrap();
    assert_eq!(nordic.statements[0].actors, ["NOR", "SWE"]);
}

#[test]
fn an_announcement_is_of_the_year_of_what_it_announces() {
    let doc = extract(
        "Prime Minister Albanese visit to India\n\n\
         The Prime Minister will visit India from 8 to 11 March 2023. \
         It will be the first visit by an Australian Prime Minister since 2017.\n",
    );
    assert_eq!(doc.date.as_deref(), Some("2023"), "not the year of the last visit");
    // A target far ahead dates nothing.
    let target = extract("Net zero\n\nWe will reach net zero by 2050. Emissions fell in 2019.\n");
    assert_eq!(target.date.as_deref(), Some("2019"));
}

#[test]
fn a_lists_items_take_the_clause_that_opens_it() {
    let doc = extract(
        "G20 Leaders' Declaration\n\n\
         We, the Leaders of the G20, met in New Delhi on 9-10 September 2023.\n\n\
         3. We will:\n\
         (i) Implement well-calibrated monetary and fiscal policies.\n\
         (ii) Promote a more inclusive global economy.\n\n\
         Trade grew by 3% in 2022.\n\n\
         Initial activities include:\n\
         - Collaboration on smart cities in ASEAN.\n",
    );
    let by_start = |start: &str| doc.statements.iter().find(|s| s.text.starts_with(start)).unwrap();
    for item in ["Implement well-calibrated", "Promote a more inclusive"] {
        let s = by_start(item);
        assert_eq!(
            (s.kind, s.modality),
            (Kind::Commitment, Some(readout_extract::Modality::Future)),
            "{item}"
        );
        assert_eq!(s.actors.len(), 19, "the G20's members: {item}");
    }
    // The list ends with it; a list under a statement of fact keeps its own kinds.
    assert_eq!(by_start("Trade grew").kind, Kind::Fact);
    assert_eq!(by_start("Collaboration on smart cities").kind, Kind::Commitment);
    assert_eq!(by_start("Collaboration on smart cities").modality, Some(readout_extract::Modality::Ongoing));
}

#[test]
fn a_short_summit_dates_its_text_by_its_middle_day() {
    let g20 =
        extract("G20 Leaders' Declaration\nNew Delhi, India, 9-10 September 2023\n\nWe met in New Delhi.\n");
    assert_eq!(
        (g20.date.as_deref(), g20.date_precision),
        (Some("2023-09-09"), Some(readout_extract::dates::Precision::Day))
    );
    let visit = extract("Fact Sheet\n\nPresident Donald J. Trump visited Japan May 25–28, 2019.\n");
    assert_eq!(visit.date.as_deref(), Some("2019-05-26"));
    // A dateline that ends a visit keeps its own day.
    let beijing = extract(
        "Joint Statement on the Visit of Prime Minister Albanese to China\nBeijing, 7 November 2023\n\n\
         1. Prime Minister Anthony Albanese paid an official visit to China from 4 to 7 November 2023.\n\
         2. Both sides agreed to resume the Strategic Economic Dialogue in 2024.\n",
    );
    assert_eq!(beijing.date.as_deref(), Some("2023-11-07"));
    // A month of talks is no day.
    let talks = extract("Talks\n\nThe delegations met in Geneva from June 1 to June 30, 2022.\n");
    assert_eq!(
        (talks.date.as_deref(), talks.date_precision),
        (Some("2022-06"), Some(readout_extract::dates::Precision::Month))
    );
}

#[test]
fn a_subject_without_a_known_verb_is_still_the_subject() {
    let doc = extract(
        "Statement from President Biden on the Camp David Summit\nAugust 18, 2023\n\n\
         Japan and the Republic of Korea improved their bilateral relations.\n\n\
         Japan and the Republic of Korea have taken courageous steps to improve their relations.\n",
    );
    assert_eq!(
        actors_of(&doc, "Japan and the Republic of Korea improved"),
        ["JPN", "KOR"],
        "not the title's Biden"
    );
    let steps = doc.statements.iter().find(|s| s.text.contains("courageous")).unwrap();
    assert_eq!(steps.kind, Kind::Action);
    assert_eq!(actors_of(&doc, "Japan and the Republic of Korea have taken"), ["JPN", "KOR"]);
}

#[test]
fn a_titles_author_speaks_the_texts_i() {
    let doc = extract(
        "Statement from President Biden on the Camp David Summit\nAugust 18, 2023\n\n\
         Today, I hosted President Yoon Suk Yeol of the Republic of Korea and Prime Minister Fumio Kishida of Japan.\n\n\
         I thank President Yoon and Prime Minister Kishida for their leadership.\n",
    );
    assert_eq!(actors_of(&doc, "Today, I hosted"), ["JPN", "KOR", "USA"]);
    assert_eq!(actors_of(&doc, "I thank"), ["USA"]);
    let summit = extract(
        "Statement from President Biden on the Camp David Summit\n\n\
         Today, I hosted President Yoon Suk Yeol and Prime Minister Fumio Kishida at Camp David.\n\n\
         We committed to consult with each other in response to regional challenges.\n\n\
         The United States will host the next summit in 2024, and the three leaders agreed to meet annually.\n",
    );
    assert_eq!(actors_of(&summit, "We committed"), ["JPN", "KOR", "USA"], "each other: all sides");
    assert_eq!(
        actors_of(&summit, "The United States will host"),
        ["JPN", "KOR", "USA"],
        "and the three leaders"
    );
    // A title that names no author leaves the "I" to the rest.
    let unsigned = extract("Statement on the Summit\n\nI thank the leaders for their work.\n");
    assert!(unsigned.statements[0].actors.is_empty());
}

#[test]
fn a_wires_dateline_without_its_year() {
    let doc = extract(
        "Modi, Albanese pledge to deepen ties\n\n\
         SYDNEY, May 24 (Reuters) - Indian Prime Minister Narendra Modi and Australian Prime Minister \
         Anthony Albanese on Wednesday pledged to deepen defence and trade ties.\n\n\
         India is Australia's sixth-largest trading partner, with two-way trade worth A$46.5 billion in 2022, \
         government data showed.\n",
    );
    // 2022 is the year of the figures; of the years after it, May 24 was a
    // Wednesday in 2023.
    assert_eq!(doc.date.as_deref(), Some("2023-05-24"));
    // "since 1971" starts a span: no day of 1972 is made of it.
    let manila = extract(
        "Japan, Philippines agree\n\n\
         MANILA, Nov 3 (Reuters) - Japan will provide radars, Prime Minister Fumio Kishida said on Friday.\n\n\
         Japan has provided more than $30 billion since 1971.\n",
    );
    assert_ne!(manila.date_precision, Some(readout_extract::dates::Precision::Day), "{:?}", manila.date);
    // Nor does a target to come.
    let target = extract(
        "Australia sets target\n\n\
         SYDNEY, May 24 (Reuters) - Australia will cut emissions by 2035, the government said on Wednesday, \
         after emissions fell in 2022.\n",
    );
    assert_eq!(target.date.as_deref(), Some("2023-05-24"));
}

#[test]
fn a_sites_line_of_names_is_no_title() {
    let doc = extract(
        "Visit of Prime Minister to Japan\nMinistry of External Affairs, Government of India\nAugust 30, 2025\n\n\
         PM Modi held talks with PM Ishiba in Tokyo.\n\
         EAM Jaishankar and Foreign Minister Iwaya co-chaired the Strategic Dialogue.\n\
         India and Japan will hold the next summit in New Delhi in 2026.\n",
    );
    assert_eq!(doc.title.as_deref(), Some("Visit of Prime Minister to Japan"));
    assert_eq!(doc.publisher.as_str(), "other-gov");
}

#[test]
fn a_currencys_name_is_no_party() {
    let doc = extract(
        "Xi Jinping Holds Talks with Lula\n\n\
         Bilateral trade exceeded 150 billion U.S. dollars last year, and China has been Brazil's largest trading partner.\n\n\
         Japan will provide 5 billion Japanese yen to the Philippines.\n",
    );
    assert_eq!(actors_of(&doc, "Bilateral trade"), ["CHN"]);
    assert_eq!(actors_of(&doc, "Japan will provide"), ["JPN"]);
}

#[test]
fn publishers_by_their_house_style() {
    use readout_extract::Publisher;
    let mofa = extract(
        "Japan-Canada Summit Meeting\n\nOn May 3, Mr. ISHIBA Shigeru, Prime Minister of Japan, held a meeting          with the Prime Minister of Canada. The overview of the meeting is as follows.\n",
    );
    assert_eq!(mofa.publisher, Publisher::JpGov);
    let wire =
        extract("NEW DELHI (PTI) - The two countries signed four agreements, the foreign ministry said.\n");
    assert_eq!(wire.publisher, Publisher::Press);
}

#[test]
fn a_users_lexicon_adds_aliases() {
    let mut lex = Lexicon::builtin().unwrap();
    lex.extend_from_str(
        "mine.toml",
        "[[actors.country]]\ncode = \"NOR\"\nnames = [\"Norway\"]\npeople = [\"Jonas Gahr Støre\"]\n",
    )
    .unwrap();
    let e = Extractor::new(&lex);
    let doc = e
        .extract(
            "Prime Minister Jonas Gahr Støre signed the agreement in Oslo.".as_bytes(),
            "t.txt",
            &DocHints::default(),
        )
        .unwrap();
    assert_eq!(doc.statements[0].actors, ["NOR"]);
    assert_eq!(doc.statements[0].kind, Kind::Action);
}

#[test]
fn dates_resolve_against_the_documents_date() {
    let doc = extract(
        "On October 16, 2017, the two sides held an economic dialogue.\n\n\
         The President began his visit to Japan on November 5 and will conclude it tomorrow on November 7.\n\n\
         Japanese students added $620 million last year.\n\n\
         The leaders signed a memorandum this year and will meet again in early 2019.\n",
    );
    assert_eq!(
        doc.date.as_deref(),
        Some("2017-11-06"),
        "anchored on 'tomorrow on November 7' … in which year?"
    );
    let values: Vec<Vec<&str>> =
        doc.statements.iter().map(|s| s.dates.iter().map(|d| d.value.as_str()).collect()).collect();
    assert_eq!(values[1], ["2017-11-05", "2017-11-07", "2017-11-07"]);
    assert_eq!(values[2], ["2016"]);
    assert_eq!(values[3], ["2017", "2019"]);
    // Without any year in the text, a day cannot be dated: no guess.
    assert_eq!(extract("The leaders met on November 6 in Tokyo.").date, None);
    // A readout posted the day after the meeting is dated by the meeting;
    // a meeting weeks before the dateline is another event.
    let posted = "Talks\n\n2023-11-16\n\nOn November 15, President Xi held talks with President Biden.\n";
    assert_eq!(extract(posted).date.as_deref(), Some("2023-11-15"));
    let later = "Fact Sheet\n\nMarch 20, 2023\n\nThe leaders met on March 1 in Delhi.\n";
    assert_eq!(extract(later).date.as_deref(), Some("2023-03-20"));
}

#[test]
fn spans_point_into_the_cleaned_text() {
    let doc = extract("print PRINT\n\nOn May 2, 2019, Japan invested $3 billion, creating 4,000 jobs.\n");
    for s in &doc.statements {
        assert_eq!(&doc.text[s.span.start..s.span.end], s.text);
        for q in &s.quantities {
            assert_eq!(&doc.text[q.span.start..q.span.end], q.text);
        }
        for d in &s.dates {
            assert_eq!(&doc.text[d.span.start..d.span.end], d.text);
        }
    }
    assert_eq!(doc.statements[0].quantities.len(), 2);
}

/// The quick tests that spare most sentences a finder's full grammar turn
/// away nothing the finder would find: on every sentence of the bundled
/// seeds, the quantity finder with its quick test on the statement's words
/// finds what it finds without.
#[test]
fn quick_tests_turn_away_nothing() {
    use readout_extract::quantities::QuantityFinder;
    use readout_extract::words::words;
    use readout_text::TextPipeline;
    let lexicon = Lexicon::builtin().unwrap();
    let text = TextPipeline::new(&lexicon);
    let quantities = QuantityFinder::new(&lexicon);
    let dir = format!("{}/../../examples/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut sentences = 0;
    let mut found = 0;
    for entry in std::fs::read_dir(&dir).expect("bundled corpus") {
        let path = entry.expect("a corpus entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let prepared = text.prepare(&std::fs::read(&path).expect("a seed")).expect("a seed reads");
        for s in &prepared.sentences {
            let s = s.span.of(&prepared.cleaned.text);
            let quick = quantities.find_in(s, &words(s), &[]);
            assert_eq!(quick, quantities.find(s, &[]), "{s}");
            sentences += 1;
            found += quick.len();
        }
    }
    assert!(sentences > 150 && found > 20, "{sentences} sentences, {found} quantities");
}
