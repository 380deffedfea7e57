"""Text of the Learn page (/learn): trigger points and trigger point injections, for patients.

Data only: the page code renders it. Written in plain words for patients, in our own words; every
section lists the sources its facts come from. Facts we could not find in a checkable source were
left out or softened (for example the exact length of the numbness and a fixed course of visits).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A reference a section's facts come from."""

    label: str
    url: str  # a stable public address, or "" for a book


@dataclass(frozen=True)
class Section:
    """One part of the page: a heading, paragraphs, an optional list, and its sources."""

    section_id: str
    title: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    urgent: bool = False


# --- Sources -------------------------------------------------------------------------------------

ALVAREZ_2002 = Source(
    "Alvarez DJ, Rockwell PG. Trigger points: diagnosis and management. Am Fam Physician. 2002;65(4):653-660.",
    "https://www.aafp.org/pubs/afp/issues/2002/0215/p653.html",
)
STATPEARLS_TPI = Source(
    "Hammi C, Schroeder JD, Yeung B. Trigger Point Injection. In: StatPearls [Internet]. "
    "Treasure Island (FL): StatPearls Publishing; updated 2023.",
    "https://www.ncbi.nlm.nih.gov/books/NBK542196/",
)
TRAVELL_SIMONS = Source(
    "Simons DG, Travell JG, Simons LS. Travell & Simons' Myofascial Pain and Dysfunction: The Trigger Point Manual. "
    "Vol. 1, Upper Half of Body. 2nd ed. Baltimore: Williams & Wilkins; 1999.",
    "",
)
CLEVELAND_TPI = Source(
    "Cleveland Clinic. Trigger Point Injections. Health Library.",
    "https://my.clevelandclinic.org/health/treatments/17582-trigger-point-injection",
)
WONG_2012 = Source(
    "Wong CS, Wong SH. A new look at trigger point injections. Anesthesiol Res Pract. 2012;2012:492452.",
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC3182370/",
)
STATPEARLS_MYOFASCIAL = Source(
    "Bordoni B, Sugumar K, Varacallo M. Myofascial Pain. In: StatPearls [Internet]. "
    "Treasure Island (FL): StatPearls Publishing; updated 2023.",
    "https://www.ncbi.nlm.nih.gov/books/NBK535344/",
)
HSE_NECK_PAIN = Source(
    "HSE (Health Service Executive, Ireland). Neck pain. Content supplied by the NHS and adapted for Ireland by the HSE.",
    "https://www2.hse.ie/conditions/neck-pain",
)
HEALTHLINE_AFTER_TPI = Source(
    "Healthline. What to expect after trigger point injections.",
    "https://www.healthline.com/health/chronic-pain/what-to-expect-after-trigger-point-injections",
)
SRINIVASAN_2022 = Source(
    "Srinivasan M, Lam C, Alm J, Chadwick AL. Trigger Point Injections. Phys Med Rehabil Clin N Am. 2022;33(2):307-333.",
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC9116734/",
)
FP_NOTEBOOK_TPI = Source(
    "Family Practice Notebook. Trigger Point Injection.",
    "https://fpnotebook.com/Rheum/Procedure/TrgrPntInjctn.htm",
)
SHIPTON_2023 = Source(
    "Shipton B, et al. Trigger point management. Am Fam Physician. 2023;107(2):159-164.",
    "https://www.aafp.org/pubs/afp/issues/2023/0200/trigger-point-management.html",
)
WVU_TPI = Source(
    "WVU Medicine, Ruby Memorial Hospital Pain Management Center. Trigger point injection (patient instructions).",
    "https://wvumedicine.org/ruby-memorial-hospital/services/wvu-specialty-clinics/pain-management-center/"
    "patient-instructions/trigger-point-injection/",
)
WUTH_LOCAL_ANAESTHETIC = Source(
    "Wirral University Teaching Hospital NHS Foundation Trust. Local Anaesthetic (patient information).",
    "https://wuth.nhs.uk/our-departments/a-z-of-departments/anaesthetics/local-anaesthetic/",
)
MEDSCAPE_TPI = Source(
    "Kishner S. Trigger Point Injection. Medscape (eMedicine); updated 27 April 2022.",
    "https://emedicine.medscape.com/article/1997731-print",
)
KIM_2017 = Source(
    "Kim SG, Shim KS, Lee DW, et al. Intramuscular hematoma with motor weakness after trigger point injection: "
    "a case report. Medicine (Baltimore). 2017;96(39):e8135.",
    "https://pmc.ncbi.nlm.nih.gov/articles/PMC5626291/",
)
FCEP_PNEUMOTHORAX = Source(
    "Climenhage BP, Luu NY, Velez LM, Hwang CW. Bilateral pneumothoraces after trigger point injection therapy: "
    "a case report. Florida College of Emergency Physicians; 2023.",
    "https://fcep.org/bilateral-pneumothoraces-after-trigger-point-injection-therapy-a-case-report/",
)
BSUH_PNEUMOTHORAX = Source(
    "Brighton and Sussex University Hospitals NHS Trust. Pneumothorax: advice for patients seen in the Emergency Department.",
    "https://www.bsuh.nhs.uk/documents/pneumothorax-ed/",
)
NHS_ANAPHYLAXIS = Source("NHS. Anaphylaxis.", "https://www.nhs.uk/conditions/anaphylaxis/")
NHS_CELLULITIS = Source("NHS. Cellulitis.", "https://www.nhs.uk/conditions/cellulitis/")


# --- Page text -----------------------------------------------------------------------------------

TITLE = "Trigger points and trigger point injections: a guide for patients"

INTRO = (
    "This page explains, in plain words, what trigger points (muscle knots) are and what a trigger point "
    "injection involves. It also covers who it may help, the risks, when to get help and other options."
)

NOT_ADVICE = (
    "This page is general education only. It is not medical advice and cannot tell you what is right for you. "
    "Results vary from person to person. Please talk to a qualified health professional about your own pain."
)

SECTIONS: tuple[Section, ...] = (
    Section(
        section_id="what_are_trigger_points",
        title="What are trigger points?",
        paragraphs=(
            "A trigger point is a small, tight spot inside a muscle. "
            "It lies in a firm strip of muscle fibres called a taut band. "
            "Many people call it a knot. It is tender, so pressing on it hurts.",
            "A trigger point can hurt where it is. It can also send pain to another part of the body. "
            "This is called referred pain (pain felt away from the place it comes from).",
            "Here is an example. A knot in the muscle along the top of the shoulder can be felt as a headache "
            "at the side of the head, near the temple. So the place that hurts is not always the place to treat.",
            "Trigger points are common in the muscles that hold up your posture, such as those of the neck, "
            "shoulders and hips. They can also make a muscle stiff, so it does not move as far as usual.",
            "A trigger point is not the same as a tender point. A tender point only hurts where it is pressed. "
            "A trigger point can also cause pain somewhere else.",
        ),
        sources=(ALVAREZ_2002, STATPEARLS_TPI, TRAVELL_SIMONS, CLEVELAND_TPI),
    ),
    Section(
        section_id="how_are_they_found",
        title="How is a trigger point found?",
        paragraphs=(
            "Trigger points are found by touch. There is no simple test or scan that shows them. "
            "A clinician (a trained health professional) feels the muscle carefully with their fingers.",
            "They feel for a tight band in the muscle, with one spot that is much more tender than the rest. "
            "The spot may feel a little harder than the muscle around it.",
            "Pressing the spot often sets off your usual pain, in the place where you normally feel it. "
            "Sometimes the muscle also gives a quick, small twitch when the spot is pressed.",
            "Some trigger points are active. They can hurt even when you are resting. "
            "Others are latent (quiet). They do not hurt on their own and only hurt when pressed.",
            "Latent trigger points still matter. They can make a muscle stiffer, so it moves less, or make it a little weaker.",
        ),
        sources=(WONG_2012, ALVAREZ_2002, STATPEARLS_TPI, STATPEARLS_MYOFASCIAL, TRAVELL_SIMONS),
    ),
    Section(
        section_id="why_do_they_form",
        title="Why do trigger points form?",
        paragraphs=(
            "Nobody fully understands how trigger points form. "
            "The things below are thought to play a part. Often more than one of them is involved.",
        ),
        bullets=(
            "An injury, or a sudden strain on a muscle.",
            "Using the same muscle in the same way again and again, so it gets lots of small strains (overuse).",
            "Poor posture or awkward positions held for a long time.",
            "Staying still in one position for long periods, such as sitting at a desk.",
            "Too little exercise.",
            "Poor sleep.",
        ),
        sources=(WONG_2012, ALVAREZ_2002, STATPEARLS_TPI, CLEVELAND_TPI, HSE_NECK_PAIN, TRAVELL_SIMONS),
    ),
    Section(
        section_id="what_is_an_injection",
        title="What is a trigger point injection?",
        paragraphs=(
            "A trigger point injection puts a small amount of medicine straight into the trigger point, through a fine needle.",
            "The medicine is usually a local anaesthetic (a numbing medicine), such as lidocaine. "
            "Some clinicians add a steroid (a medicine that calms inflammation). Some use saline (sterile salt water). "
            "Botulinum toxin is another choice some clinicians use.",
            "Some clinicians use no medicine at all. This is called dry needling: only the needle is used on the knot. "
            "Studies have not shown that one medicine works better than another.",
            "How might it help? The needle itself does part of the work. "
            "Passing it into the knot breaks up the tight spot, so the muscle can loosen.",
            "The numbing medicine eases the pain of the needle and of the knot. "
            "Afterwards you are usually asked to stretch and move the muscle. This helps the muscle stay loose.",
            "The numbness starts within a few minutes and wears off after a few hours. The area may then feel sore or tender for a while.",
            "For some people the relief lasts much longer than the numbness, for weeks or even months. "
            "For others it is short or does not come at all.",
        ),
        sources=(
            HEALTHLINE_AFTER_TPI,
            CLEVELAND_TPI,
            SRINIVASAN_2022,
            FP_NOTEBOOK_TPI,
            SHIPTON_2023,
            WVU_TPI,
            WUTH_LOCAL_ANAESTHETIC,
            TRAVELL_SIMONS,
        ),
    ),
    Section(
        section_id="who_may_benefit",
        title="Who might a trigger point injection help?",
        paragraphs=(
            "It may be an option if trigger point pain in your neck, back, shoulder, arm or leg keeps going, "
            "keeps coming back, or gets in the way of everyday life.",
            "Simpler care is usually tried first, such as physiotherapy, exercise and massage. "
            "Injections are mostly kept for pain that has not settled with these.",
            "An injection is not meant to be used on its own. "
            "It is one part of a wider plan that usually includes stretching, exercise and physiotherapy.",
            "It is meant for clear trigger points. Pain that is spread all over the body, as in fibromyalgia, "
            "is usually not treated this way. Quiet (latent) trigger points usually do not need injecting.",
        ),
        sources=(CLEVELAND_TPI, ALVAREZ_2002, SHIPTON_2023, STATPEARLS_TPI, MEDSCAPE_TPI),
    ),
    Section(
        section_id="who_should_not",
        title="Who should not have a trigger point injection?",
        paragraphs=(
            "If you take a medicine that thins the blood or stops it clotting, such as aspirin or clopidogrel, "
            "tell your clinician before the injection. These medicines raise the chance of bleeding into the muscle.",
            "Do not stop a blood-thinning medicine on your own. Your clinician will tell you what to do.",
            "If needles frighten you a lot, say so. There are other treatments you can try first (see below).",
            "An injection is not right for everyone. You should not have one, or should wait, if you have any of these:",
        ),
        bullets=(
            "An infection in the skin where the needle would go.",
            "An infection in your body, for example with a fever (a high temperature).",
            "An allergy to local anaesthetics (numbing medicines).",
            "A bleeding or clotting disorder (your blood does not clot in the normal way).",
            "A fresh injury to the muscle that would be treated.",
        ),
        sources=(FP_NOTEBOOK_TPI, KIM_2017, SHIPTON_2023),
    ),
    Section(
        section_id="what_a_visit_looks_like",
        title="What happens at the appointment?",
        paragraphs=(
            "The injection is usually done in a clinic or a doctor's office. You stay awake the whole time. "
            "A typical visit goes like this:",
        ),
        bullets=(
            "You sit or lie down, so the muscle is relaxed and easy to reach.",
            "The clinician presses on the muscle to find the tender spots. They may mark them on your skin.",
            "The skin is cleaned with an antiseptic (a germ-killing wash).",
            "The fine needle goes into the knot and the medicine is put in. You may feel some pressure.",
            "The whole procedure often takes only about ten minutes.",
            "Afterwards you may be asked to wait a short time, so staff can check that you feel well.",
            "You can usually go home the same day. Many people are back to their normal activities by the next day.",
            "Your clinician will usually give you stretches to do at home, or suggest physiotherapy.",
        ),
        sources=(WVU_TPI, HEALTHLINE_AFTER_TPI),
    ),
    Section(
        section_id="how_many_visits",
        title="How many visits will I need?",
        paragraphs=(
            "There is no fixed number. It depends on you, your muscles and how you respond.",
            "Some people feel better after one visit. Others need a few visits, spread over time. "
            "If the relief lasts, there may be longer gaps between visits, or no more visits at all.",
            "There is not much good research on how often injections should be repeated. "
            "Ask your clinician what plan they suggest, and what to do if the pain comes back.",
        ),
        sources=(SHIPTON_2023, HEALTHLINE_AFTER_TPI),
    ),
    Section(
        section_id="possible_problems",
        title="What problems can happen, and when should I get help?",
        paragraphs=(
            "Serious problems after a trigger point injection are rare. Even so, it helps to know the warning signs.",
            "The most common effects are soreness, tenderness or numbness where the needle went in. "
            "Some people feel faint or dizzy during or just after the injection.",
            "Rare problems include an infection where the needle went in, and a haematoma (a collection of blood "
            "under the skin or in the muscle). A haematoma is more likely if you take a blood-thinning medicine.",
            "A severe allergic reaction to a medicine is also rare. So is a collapsed lung (pneumothorax), "
            "where air gets between the lung and the chest wall. This can happen when the needle is used "
            "near the chest wall, upper back or base of the neck.",
            "Contact a doctor promptly (in the UK, your GP or NHS 111) if the injection site becomes red, hot, "
            "swollen or more painful, leaks pus, or you get a fever. These can be signs of infection.",
            "Get emergency help at once: call emergency services (999 in the UK, 911 in the US) if any of these happen after an injection:",
        ),
        bullets=(
            "You become short of breath, or have chest pain, after an injection near your chest, "
            "upper back, shoulder blade or the base of your neck.",
            "Swelling of your face, lips, tongue or throat.",
            "A rash together with trouble breathing or swallowing.",
            "Feeling very faint, or becoming confused or very sleepy, soon after the injection.",
        ),
        sources=(
            CLEVELAND_TPI,
            HEALTHLINE_AFTER_TPI,
            KIM_2017,
            FP_NOTEBOOK_TPI,
            FCEP_PNEUMOTHORAX,
            BSUH_PNEUMOTHORAX,
            NHS_ANAPHYLAXIS,
            NHS_CELLULITIS,
        ),
        urgent=True,
    ),
    Section(
        section_id="other_options",
        title="What else can help trigger point pain?",
        paragraphs=(
            "Injections are not the only choice. Gentler treatments are usually tried first. They can also be used alongside injections.",
        ),
        bullets=(
            "Physiotherapy, with exercises to stretch and strengthen the muscle.",
            "Massage and other hands-on (manual) therapy.",
            "Regular, gentle stretching, and a home exercise programme from your physiotherapist.",
            "Heat or cold on the sore muscle, such as a wrapped hot water bottle or a wrapped ice pack.",
            "Pain-relief gels or creams rubbed on the skin, such as ibuprofen gel. Check with a pharmacist first.",
            "Better posture and work habits: sit up straight, and change position often rather than holding your neck still for long spells.",
            "Spray and stretch: a clinician cools the skin with a spray while gently stretching the muscle.",
        ),
        sources=(SHIPTON_2023, MEDSCAPE_TPI, ALVAREZ_2002, STATPEARLS_TPI, HSE_NECK_PAIN, WVU_TPI, TRAVELL_SIMONS),
    ),
    Section(
        section_id="results_vary",
        title="Will it work for me?",
        paragraphs=(
            "Results vary a lot from person to person. Some people get good relief. Others get little or none.",
            "Studies of trigger point injections have mostly been small. Some of the benefit may come from "
            "the placebo effect (feeling better because you expect to).",
            "Injections are one part of care, not a cure on their own. Stretching, exercise and looking after your posture matter too.",
            "This page is general information, not medical advice. Please talk to a qualified health professional about your own pain.",
        ),
        sources=(SHIPTON_2023, STATPEARLS_TPI, HEALTHLINE_AFTER_TPI),
    ),
)

# Every distinct source, in the order the sections first cite it.
SOURCES: tuple[Source, ...] = tuple(dict.fromkeys(source for section in SECTIONS for source in section.sources))
