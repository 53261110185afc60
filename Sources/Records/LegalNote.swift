/// The legal note every record and certificate carries. It says what the training is and
/// what the record is for, and claims nothing the current code text has not been checked for:
/// SB 848 (Stats. 2025, ch. 460) amended Education Code 51950 and repealed and re-added 44691,
/// so the note names the bill and cites no subdivision, and it makes no claim about how
/// often the law requires the training.
public enum LegalNote {
    public static let text =
        "Training of school personnel on recognizing and responding to the commercial sexual exploitation of "
        + "children, under the county's response protocol. This record documents one completion, as districts "
        + "document their staff training. Education Code 51950 and 44691 were changed by SB 848 (Stats. 2025, "
        + "ch. 460); this record does not state how often the law requires the training: check your district's policy."
}
