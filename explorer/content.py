"""Fixed explanatory text shown in the app, written for patients and clinicians."""

DISCLAIMER = (
    "For education only, not a diagnosis. Pain can have many causes; see a health professional "
    "about pain that is severe, new, persistent or unexplained."
)

DISCLAIMER_SHORT = "Education, not a diagnosis."

MAP_LABEL = "Body map. Use the arrow keys to move between trigger points (or body areas) and Enter to choose one."

HOW_TO_EXPLORE = (
    "Tap or click a dot (a trigger point) to light up where its pain is usually felt, or search for a "
    "muscle by name. Esc or 'Clear' starts again."
)

HOW_TO_QUIZ = "A question for students: answer in the panel, or paint the zone on the map. Your score stays on this device."

HOW_TO_MARK = (
    "Tap or click every place that hurts, on any view (again to unmark), or add areas from the list. "
    "Left and right are separate. The list ranks the trigger points whose usual pattern fits your drawing best."
)

ZONES_LEGEND = {
    "essential": "Main (essential) zone: felt by nearly everyone with this trigger point (solid red).",
    "spillover": "Sometimes also (spillover): felt by some people (light red, hatched, dotted edge).",
    "pain": "Your pain drawing, or the area you tapped (blue, cross-hatched).",
    "muscle": "Outline of the muscle the trigger point is in (dashed).",
}

INJECTIONS = {
    "title": "Trigger point injections (for clinicians)",
    "what": (
        "A trigger point injection places a small amount of local anaesthetic (for example "
        "lidocaine 0.5-1%), saline, or no fluid at all (dry needling) into a palpable trigger "
        "point to interrupt it; stretching and treating perpetuating factors afterwards is what "
        "makes the effect last."
    ),
    "who": (
        "Considered for active trigger points that reproduce the patient's familiar pain and have "
        "not settled with stretching, self-massage, posture and activity changes, often as part "
        "of a wider programme (physiotherapy, exercise)."
    ),
    "avoid": (
        "Avoid or defer with: bleeding disorders or anticoagulation that is not controlled; local "
        "skin infection or systemic infection; allergy to the local anaesthetic; acute muscle "
        "trauma; fear of needles or inability to give consent; pregnancy (relative). Take special "
        "care over the chest wall and neck (pneumothorax, vessels and nerves)."
    ),
    "source": (
        "Travell & Simons vol. 1 2e (1999), ch. 3 'Injection and stretch'; Alvarez & Rockwell, "
        "Trigger points: diagnosis and management, Am Fam Physician 2002;65(4):653-660."
    ),
}
