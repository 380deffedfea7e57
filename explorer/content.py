"""Fixed explanatory text shown in the app, written for patients and clinicians."""

DISCLAIMER = (
    "For education only, not a diagnosis. Pain can have many causes; see a health professional "
    "about pain that is severe, new, persistent or unexplained."
)

DISCLAIMER_SHORT = "Education, not a diagnosis."

MAP_LABEL = "Body map. Tab here, then use the arrow keys to move between trigger points and Enter to choose one."

HOW_TO_EXPLORE = (
    "Click a dot (a trigger point) on the body or head to light up where its pain is usually felt. "
    "Or search for a muscle by name. Press Esc or 'Clear' to start again."
)

HOW_TO_MARK = (
    "Click the places where it hurts, on any view (click again to unmark), or pick them from the "
    "list. Left and right are separate. The list below ranks the trigger points whose usual "
    "pattern best matches your drawing."
)

ZONES_LEGEND = {
    "essential": "Essential zone: felt by nearly everyone with this trigger point (solid red).",
    "spillover": "Spillover zone: felt by some people (light, hatched).",
    "pain": "Your pain drawing, or the area you clicked (blue, cross-hatched).",
    "muscle": "Outline of the muscle the trigger point belongs to (dashed).",
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
