/* eslint-disable */
/**
 * GENERATED from the Rust types of the carepath core by `npm run gen:types`.
 * Do not edit: change the Rust types and regenerate (`npm run check:types` fails when stale).
 */

/**
 * Identifies an actor (a lane).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ActorId".
 */
export type ActorId = string;
/**
 * What kind of party an actor is.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ActorKind".
 */
export type ActorKind = "patient" | "next_of_kin" | "municipal" | "gp" | "hospital" | "system" | "other";
/**
 * Identifies a step. A variant copied from another keeps its step ids.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "StepId".
 */
export type StepId = string;
/**
 * Identifies a transition between two steps of one variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "TransitionId".
 */
export type TransitionId = string;
/**
 * RFC 3339 time in UTC, whole seconds
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Timestamp".
 */
export type Timestamp = string;
/**
 * Identifies a comment.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "CommentId".
 */
export type CommentId = string;
/**
 * Names any element of a document, for comments and reviews.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ElementRef".
 */
export type ElementRef =
  | {
      kind: "document";
    }
  | {
      id: ActorId;
      kind: "actor";
    }
  | {
      id: PhaseId;
      kind: "phase";
    }
  | {
      id: InfoTypeId;
      kind: "info_type";
    }
  | {
      id: VariantId;
      kind: "variant";
    }
  | {
      id: StepId;
      kind: "step";
      variant: VariantId;
    }
  | {
      id: TransitionId;
      kind: "transition";
      variant: VariantId;
    }
  | {
      id: NeedId;
      kind: "need";
      variant: VariantId;
    };
/**
 * Identifies a phase (a column).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "PhaseId".
 */
export type PhaseId = string;
/**
 * Identifies an information type in the catalogue.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "InfoTypeId".
 */
export type InfoTypeId = string;
/**
 * Identifies a variant of the pathway.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "VariantId".
 */
export type VariantId = string;
/**
 * Identifies a data-sharing need.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NeedId".
 */
export type NeedId = string;
/**
 * Identifies a document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DocumentId".
 */
export type DocumentId = string;
/**
 * How mature a document is.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Maturity".
 */
export type Maturity = "draft" | "mature";
/**
 * Where a document is in its life.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DocStatus".
 */
export type DocStatus = "work_in_progress" | "for_review" | "release";
/**
 * Identifies a review verdict.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReviewId".
 */
export type ReviewId = string;
/**
 * A reviewer's verdict on an element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReviewStatus".
 */
export type ReviewStatus = "pending" | "approved" | "changes_requested" | "rejected";
/**
 * What a variant stands for: today's pathway or the one the project wants.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "VariantKind".
 */
export type VariantKind = "current" | "desired" | "alternative";
/**
 * Time horizon of a need.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Horizon".
 */
export type Horizon = "short" | "medium" | "long";
/**
 * The part an actor plays in sharing the information of a need (the target
 * architecture's data roles).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DataRole".
 */
export type DataRole = "producer" | "provider" | "processor" | "consumer";
/**
 * Priority of a need.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Priority".
 */
export type Priority = "high" | "medium" | "low" | "external";
/**
 * Whether a need is met in the variant it belongs to.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NeedStatus".
 */
export type NeedStatus = "met" | "partly_met" | "unmet" | "unknown";
/**
 * What kind of step a step is; decides its shape.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "StepKind".
 */
export type StepKind = "start" | "activity" | "decision" | "event" | "end" | "sub_pathway";
/**
 * How a transition is meant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "TransitionKind".
 */
export type TransitionKind = "normal" | "loop" | "exception";
/**
 * What happened to an element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ChangeKind".
 */
export type ChangeKind = "added" | "removed" | "changed";
/**
 * One touched element (or ordered list, where order may have shifted).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Changed".
 */
export type Changed =
  | {
      kind: "metadata";
    }
  | {
      kind: "actors";
    }
  | {
      kind: "phases";
    }
  | {
      kind: "info_types";
    }
  | {
      kind: "variant_header";
      variant: VariantId;
    }
  | {
      kind: "variant";
      variant: VariantId;
    }
  | {
      id: StepId;
      kind: "step";
      variant: VariantId;
    }
  | {
      id: TransitionId;
      kind: "transition";
      variant: VariantId;
    }
  | {
      id: NeedId;
      kind: "need";
      variant: VariantId;
    }
  | {
      id: CommentId;
      kind: "comment";
    }
  | {
      id: ReviewId;
      kind: "review";
    };
/**
 * The stable error codes of the core.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ErrorCode".
 */
export type ErrorCode =
  | "unknown_id"
  | "duplicate_id"
  | "cross_variant"
  | "invalid_value"
  | "in_use"
  | "nothing_to_undo"
  | "review_only"
  | "file_in_use"
  | "file_replaced"
  | "not_carepath"
  | "newer_version"
  | "corrupt"
  | "io"
  | "read_only"
  | "invalid_json"
  | "already_exists";
/**
 * The kinds of element a comparison looks at, in the order a diff lists them.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ElementKind".
 */
export type ElementKind = "actor" | "phase" | "info_type" | "step" | "transition" | "need";
/**
 * One change to a document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Edit".
 */
export type Edit =
  | {
      metadata: Metadata;
      op: "set_metadata";
    }
  | {
      actor: Actor;
      op: "add_actor";
    }
  | {
      actor: Actor;
      op: "update_actor";
    }
  | {
      id: ActorId;
      op: "remove_actor";
    }
  | {
      op: "add_phase";
      phase: Phase;
    }
  | {
      op: "update_phase";
      phase: Phase;
    }
  | {
      id: PhaseId;
      op: "remove_phase";
    }
  | {
      index?: number | null;
      info_type: InfoType;
      op: "add_info_type";
    }
  | {
      info_type: InfoType;
      op: "update_info_type";
    }
  | {
      id: InfoTypeId;
      op: "remove_info_type";
    }
  | {
      index?: number | null;
      op: "add_variant";
      variant: Variant;
    }
  | {
      id: VariantId;
      kind: VariantKind;
      name: string;
      op: "copy_variant";
      source: VariantId;
    }
  | {
      description: string;
      id: VariantId;
      kind: VariantKind;
      name: string;
      op: "update_variant";
    }
  | {
      id: VariantId;
      op: "remove_variant";
    }
  | {
      op: "add_step";
      step: Step;
      variant: VariantId;
    }
  | {
      op: "update_step";
      step: Step;
      variant: VariantId;
    }
  | {
      id: StepId;
      op: "remove_step";
      variant: VariantId;
    }
  | {
      op: "add_transition";
      transition: Transition;
      variant: VariantId;
    }
  | {
      op: "update_transition";
      transition: Transition;
      variant: VariantId;
    }
  | {
      id: TransitionId;
      op: "remove_transition";
      variant: VariantId;
    }
  | {
      need: DataNeed;
      op: "add_need";
      variant: VariantId;
    }
  | {
      need: DataNeed;
      op: "update_need";
      variant: VariantId;
    }
  | {
      id: NeedId;
      op: "remove_need";
      variant: VariantId;
    }
  | {
      comment: Comment;
      op: "add_comment";
    }
  | {
      comment: Comment;
      op: "update_comment";
    }
  | {
      id: CommentId;
      op: "remove_comment";
    }
  | {
      op: "add_review";
      review: Review;
    }
  | {
      op: "update_review";
      review: Review;
    }
  | {
      id: ReviewId;
      op: "remove_review";
    }
  | {
      edits: Edit[];
      label: string;
      op: "batch";
    };
/**
 * The formats a document can be exported to.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ExportFormat".
 */
export type ExportFormat =
  | "json"
  | "svg"
  | "png"
  | "pdf"
  | "bpmn"
  | "archimate"
  | "fhir"
  | "md"
  | "html"
  | "docx"
  | "report_pdf"
  | "csv"
  | "xlsx";
/**
 * How serious a finding is.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = "error" | "warning" | "info";
/**
 * How information moves between actors (samhandlingsform).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "InteractionForm".
 */
export type InteractionForm =
  | "look_up"
  | "messaging"
  | "document_sharing"
  | "shared_editing"
  | "event_stream"
  | "synchronous"
  | "manual"
  | "unknown";
/**
 * The two languages Carepath speaks.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Lang".
 */
export type Lang = "nb" | "en";
/**
 * Which way lanes run.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Orientation".
 */
export type Orientation = "horizontal" | "vertical";
/**
 * One command of the menu bar.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "MenuCommand".
 */
export type MenuCommand =
  | (
      | "new"
      | "open"
      | "save_as"
      | "import"
      | "export"
      | "send_review"
      | "merge_review"
      | "settings"
      | "close"
      | "undo"
      | "redo"
      | "cut"
      | "copy"
      | "paste"
      | "delete"
      | "select_all"
      | "find"
      | "lang:nb"
      | "lang:en"
      | "zoom_in"
      | "zoom_out"
      | "fit"
      | "minimap"
      | "need_layer"
      | "review_mode"
      | "compare_mode"
      | "compare_file"
      | "walk_mode"
      | "shortcuts"
      | "about"
    )
  | "recent"
  | "share"
  | "join_shared"
  | "guide";
/**
 * A comment or a review decision.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "MergeItem".
 */
export type MergeItem =
  | {
      id: CommentId;
      kind: "comment";
    }
  | {
      id: ReviewId;
      kind: "review";
    };
/**
 * Why something in the reviewed copy was not brought in.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NotPlacedReason".
 */
export type NotPlacedReason = "anchor_deleted" | "thread_missing" | "different_document";
/**
 * How a PDF is paged.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Page".
 */
export type Page = "fit" | "a4" | "a3";
/**
 * How information is produced.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Production".
 */
export type Production = "manual" | "automatic" | "mixed" | "unknown";
/**
 * The new value of one touched element; `None` where it no longer exists.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Value".
 */
export type Value =
  | {
      kind: "metadata";
      metadata: Metadata;
    }
  | {
      actors: Actor[];
      kind: "actors";
    }
  | {
      kind: "phases";
      phases: Phase[];
    }
  | {
      info_types: InfoType[];
      kind: "info_types";
    }
  | {
      header?: VariantHeader | null;
      kind: "variant_header";
      variant: VariantId;
    }
  | {
      data?: Variant | null;
      index: number;
      kind: "variant";
      variant: VariantId;
    }
  | {
      id: StepId;
      kind: "step";
      step?: Step | null;
      variant: VariantId;
    }
  | {
      id: TransitionId;
      kind: "transition";
      transition?: Transition | null;
      variant: VariantId;
    }
  | {
      id: NeedId;
      kind: "need";
      need?: DataNeed | null;
      variant: VariantId;
    }
  | {
      comment?: Comment | null;
      id: CommentId;
      kind: "comment";
    }
  | {
      id: ReviewId;
      kind: "review";
      review?: Review | null;
    };
/**
 * A triage signal a transition carries, such as the outcome of a traffic light: drawn in
 * its colour and also named in a chip beside the line, so colour never carries the
 * meaning alone.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Signal".
 */
export type Signal = "none" | "green" | "yellow" | "red";

/**
 * Every type that crosses the boundary between the Carepath core and its user interface. Generated; do not edit.
 */
export interface CarepathTypes {}
/**
 * Who accepted a finding, and why.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Acceptance".
 */
export interface Acceptance {
  author: string;
  /**
   * The comment that holds the acceptance; removing it withdraws the acceptance.
   */
  comment: string;
  reason: string;
}
/**
 * A party in the pathway, drawn as a lane.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Actor".
 */
export interface Actor {
  /**
   * A CSS colour such as `#4f81bd`.
   */
  colour?: string | null;
  id: ActorId;
  kind: ActorKind;
  name: string;
  /**
   * Position among the lanes, from 0.
   */
  order: number;
  organisation?: string;
}
/**
 * A way on from a step.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Branch".
 */
export interface Branch {
  label: string;
  /**
   * Whether the walk took it.
   */
  taken: boolean;
  to: StepId;
  to_label: string;
  transition: TransitionId;
}
/**
 * A Carepath JSON file: a format header and the document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "CarepathFile".
 */
export interface CarepathDocument {
  document: Document;
  /**
   * Always "carepath".
   */
  format: string;
  /**
   * The version of this format.
   */
  format_version: number;
}
/**
 * A whole Carepath document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Document".
 */
export interface Document {
  /**
   * Lanes, in their order.
   */
  actors: Actor[];
  /**
   * Comments, ordered by id.
   */
  comments?: Comment[];
  id: DocumentId;
  /**
   * The information catalogue, in its order.
   */
  info_types: InfoType[];
  metadata: Metadata;
  /**
   * Columns, in their order.
   */
  phases: Phase[];
  /**
   * Review verdicts, ordered by id.
   */
  reviews?: Review[];
  /**
   * The variants, in their order.
   */
  variants: Variant[];
}
/**
 * A comment on an element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Comment".
 */
export interface Comment {
  /**
   * The rule (a warning or a note, never an error) whose finding on the target this comment
   * accepts; the text is the reason. Validation shows such a finding as accepted.
   */
  accepts?: string | null;
  author: string;
  created: Timestamp;
  id: CommentId;
  /**
   * The comment this one answers.
   */
  reply_to?: CommentId | null;
  resolved?: boolean;
  target: ElementRef;
  text: string;
}
/**
 * An entry of the information catalogue.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "InfoType".
 */
export interface InfoType {
  /**
   * The national information services it maps to, e.g. ["IT17", "IT07"]: codes of
   * [`super::INFO_SERVICES`], or others (a warning).
   */
  codes?: string[];
  description?: string;
  id: InfoTypeId;
  name: string;
  /**
   * Its rank in the target architecture's priority order of information (1 first); the
   * needs analysis lists needs of higher-ranked information first.
   */
  priority?: number | null;
}
/**
 * Descriptive metadata, as the metadata table at the top of an architecture document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata {
  created: Timestamp;
  description?: string;
  maturity: Maturity;
  modified: Timestamp;
  /**
   * For example "ikke normert".
   */
  normative_level?: string;
  /**
   * Owners and organisations responsible for the document.
   */
  owners?: string[];
  patient_group?: string;
  status: DocStatus;
  title: string;
  /**
   * Free text such as "v0.5".
   */
  version?: string;
}
/**
 * A stage of the pathway, drawn as a column.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Phase".
 */
export interface Phase {
  description?: string;
  id: PhaseId;
  name: string;
  /**
   * Position among the columns, from 0.
   */
  order: number;
}
/**
 * A reviewer's verdict on an element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Review".
 */
export interface Review {
  id: ReviewId;
  note?: string;
  reviewer: string;
  status: ReviewStatus;
  target: ElementRef;
  time: Timestamp;
}
/**
 * The serialised form of a variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Variant".
 */
export interface Variant {
  based_on?: VariantId | null;
  description?: string;
  id: VariantId;
  kind: VariantKind;
  name: string;
  /**
   * Ordered by id.
   */
  needs?: DataNeed[];
  /**
   * Ordered by id.
   */
  steps: Step[];
  /**
   * Ordered by id.
   */
  transitions: Transition[];
}
/**
 * A data-sharing need: at some steps, consuming actors need information that producing or
 * providing actors hold, perhaps carried by a processor. The fields follow the information-needs tables of the national architecture work.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DataNeed".
 */
export interface DataNeed {
  /**
   * How it travels (samhandlingsform).
   */
  form:
    | "look_up"
    | "messaging"
    | "document_sharing"
    | "shared_editing"
    | "event_stream"
    | "synchronous"
    | "manual"
    | "unknown";
  horizon?: Horizon | null;
  id: NeedId;
  /**
   * Information types from the catalogue.
   */
  info_types: InfoTypeId[];
  notes?: string;
  /**
   * Who takes part, each actor with its data role: at least one on the source side
   * (producer or provider) and one consumer; several consumers, a processor in between,
   * several editing parties of a shared source. Ordered as the user put them.
   */
  parties?: Party[];
  priority?: Priority | null;
  /**
   * How it is produced (hvordan).
   */
  production: "manual" | "automatic" | "mixed" | "unknown";
  /**
   * Relations to other information services.
   */
  relations?: string;
  /**
   * How long it stays relevant (hvor lenge).
   */
  relevance?: string;
  /**
   * Functional requirements that follow from the need.
   */
  requirements?: string;
  /**
   * Where it comes from: source system or actor (hvor).
   */
  source?: string;
  status: NeedStatus;
  /**
   * The steps at which the need arises.
   */
  steps: StepId[];
  /**
   * The need in a few words (informasjonsbehov).
   */
  title: string;
  /**
   * What it contains (hva).
   */
  what?: string;
  /**
   * When it is needed (når).
   */
  when?: string;
  /**
   * Why it is needed (hvorfor).
   */
  why?: string;
}
/**
 * One actor's part in a need: who, and in which data role.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Party".
 */
export interface Party {
  actor: ActorId;
  role: DataRole;
}
/**
 * One step of a pathway, placed in an actor's lane and a phase's column.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface Step {
  /**
   * The lane; `None` only while the model is incomplete (a validation warning).
   */
  actor?: ActorId | null;
  description?: string;
  /**
   * Free text such as "daglig" or "2–4 uker".
   */
  duration?: string | null;
  id: StepId;
  kind: StepKind;
  label: string;
  /**
   * Other actors who take part in a joint step (a shared-decision conversation, a meeting
   * of hospital, municipality and GP); the lane's actor is the one responsible.
   */
  participants?: ActorId[];
  /**
   * The column; `None` only while the model is incomplete (a validation warning).
   */
  phase?: PhaseId | null;
  /**
   * A position the user pinned; otherwise the layout decides.
   */
  position?: Position | null;
  /**
   * The sub-pathway step whose own flow holds this step; none for a step of the
   * variant's main flow. A nested flow uses the document's lanes and phases.
   */
  within?: StepId | null;
}
/**
 * A position on the canvas, in diagram units (top-left origin).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Position".
 */
export interface Position {
  x: number;
  y: number;
}
/**
 * A way from one step to another in the same variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface Transition {
  from: StepId;
  id: TransitionId;
  kind: TransitionKind;
  /**
   * Label shown on the arrow; for a decision branch, the condition ("grønn", "rød").
   */
  label?: string;
  /**
   * A triage signal (green, yellow, red) the way on stands for; none for most.
   */
  signal?: "none" | "green" | "yellow" | "red";
  to: StepId;
}
/**
 * A column: one phase, or `None` for steps with no phase.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ColumnBox".
 */
export interface ColumnBox {
  header: TextBlock;
  height: number;
  phase?: PhaseId | null;
  width: number;
  /**
   * Horizontal lanes: left and width of the column. Vertical lanes: 0 and the diagram width.
   */
  x: number;
  /**
   * Horizontal lanes: 0 and the diagram height. Vertical lanes: top and height of the row.
   */
  y: number;
}
/**
 * The phase name in the header band.
 */
export interface TextBlock {
  bold: boolean;
  h: number;
  lines: string[];
  /**
   * Font size in diagram units.
   */
  size: number;
  w: number;
  x: number;
  y: number;
}
/**
 * An error with a stable code and a message for people.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "CoreError".
 */
export interface CoreError {
  code: ErrorCode;
  message: string;
}
/**
 * A review decision with the element it is about.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Decision".
 */
export interface Decision {
  review: Review;
  target_label: string;
}
/**
 * The differences from a source variant to a target variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Diff".
 */
export interface Diff {
  /**
   * Ordered by element kind, then change (added, removed, changed), then label and id.
   */
  entries: DiffEntry[];
  /**
   * The language of the display strings.
   */
  lang: "nb" | "en";
  source: DiffSide;
  target: DiffSide;
}
/**
 * One added, removed or changed element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DiffEntry".
 */
export interface DiffEntry {
  /**
   * The name or label it had, when renamed.
   */
  before_label?: string | null;
  change: ChangeKind;
  /**
   * Names any element of a document, for comments and reviews.
   */
  element:
    | {
        kind: "document";
      }
    | {
        id: ActorId;
        kind: "actor";
      }
    | {
        id: PhaseId;
        kind: "phase";
      }
    | {
        id: InfoTypeId;
        kind: "info_type";
      }
    | {
        id: VariantId;
        kind: "variant";
      }
    | {
        id: StepId;
        kind: "step";
        variant: VariantId;
      }
    | {
        id: TransitionId;
        kind: "transition";
        variant: VariantId;
      }
    | {
        id: NeedId;
        kind: "need";
        variant: VariantId;
      };
  /**
   * For a changed element, each changed field in a fixed order; otherwise empty.
   */
  fields: FieldChange[];
  kind: ElementKind;
  /**
   * Its name or label (in the target; for a removed element, in the source).
   */
  label: string;
  /**
   * Whether the element kept its id and got a new name or label.
   */
  renamed: boolean;
}
/**
 * One field of a changed element, from what to what: `before` and `after` for people (names
 * instead of ids, labels of kinds), `before_value` and `after_value` as in the file format
 * (any JSON value).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "FieldChange".
 */
export interface FieldChange {
  after: string;
  after_value: unknown;
  before: string;
  before_value: unknown;
  /**
   * The field's stable key, as in the file format ("label", "form", "actor" ...).
   */
  field: string;
  /**
   * The field's name in the diff's language.
   */
  name: string;
}
/**
 * One side of a comparison: which document and variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "DiffSide".
 */
export interface DiffSide {
  document: DocumentId;
  title: string;
  variant: VariantId;
  variant_name: string;
}
/**
 * The route of one transition, from the source's boundary to the target's.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "EdgeRoute".
 */
export interface EdgeRoute {
  from: StepId;
  id: TransitionId;
  kind: TransitionKind;
  label?: TextBlock1 | null;
  /**
   * Orthogonal polyline; the arrowhead is at the last point.
   */
  points: Point[];
  /**
   * The triage signal it carries, drawn in its colour with its label as a chip.
   */
  signal?: "none" | "green" | "yellow" | "red";
  to: StepId;
}
/**
 * Text already wrapped into lines, in a box; lines are centred in the box, one line height
 * (`size` × [`text::LINE_HEIGHT`]) apart.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "TextBlock".
 */
export interface TextBlock1 {
  bold: boolean;
  h: number;
  lines: string[];
  /**
   * Font size in diagram units.
   */
  size: number;
  w: number;
  x: number;
  y: number;
}
/**
 * A point in diagram units.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Point".
 */
export interface Point {
  x: number;
  y: number;
}
/**
 * What to export and how.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ExportOptions".
 */
export interface ExportOptions {
  /**
   * FHIR only: the base of the canonical URLs; none means a placeholder that says so.
   */
  fhir_base?: string | null;
  format: ExportFormat;
  /**
   * Language of the diagram's fixed texts (title block, legend) and of reports.
   */
  lang?: "nb" | "en";
  layout?: LayoutOptions;
  /**
   * Diagrams only: the overview, the whole pathway wrapped into rows of phases.
   */
  overview?: boolean;
  /**
   * How a PDF is paged.
   */
  page?: "fit" | "a4" | "a3";
  /**
   * Diagrams only: draw just these phases (from the first to the last of them, with the
   * lane names); empty means the whole pathway.
   */
  phases?: PhaseId[];
  /**
   * BPMN only: a pool per actor, hand-overs and needs as message flows (one per consumer).
   */
  pools?: boolean;
  /**
   * Pixels per diagram unit (PNG only).
   */
  scale?: number;
  /**
   * Identifies a variant of the pathway.
   */
  variant: string;
  /**
   * The variants a report or register covers; empty means every variant. For BPMN: the
   * variants written, one pool each; empty means only `variant`.
   */
  variants?: VariantId[];
}
/**
 * Lane orientation and whether the data-need layer is drawn (diagrams only).
 */
export interface LayoutOptions {
  /**
   * The flow drawn: a sub-pathway step's own flow, or (none) the variant's main flow.
   */
  flow?: StepId | null;
  /**
   * Leave out the lanes of actors the flow does not use (no step, part in a step, or part
   * in a need): for figures. The canvas shows every lane, to draw in.
   */
  hide_unused_lanes?: boolean;
  /**
   * Whether data-sharing needs are routed (the need layer).
   */
  needs?: boolean;
  /**
   * Which way lanes run.
   */
  orientation?: "horizontal" | "vertical";
}
/**
 * One problem found by a rule.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * Whether it may be accepted with a reason: a warning or a note by its rule, not an error
   * (also not one shown as a note while drawing).
   */
  acceptable?: boolean;
  /**
   * Set when someone accepted the finding with a reason (a comment on its first element).
   */
  accepted?: Acceptance | null;
  /**
   * The elements concerned.
   */
  elements: ElementRef[];
  /**
   * Message in English.
   */
  message_en: string;
  /**
   * Message in Norwegian bokmål.
   */
  message_nb: string;
  /**
   * Stable rule id, e.g. "no-start".
   */
  rule: string;
  severity: Severity;
  /**
   * The variant the finding is in, if any.
   */
  variant?: VariantId | null;
}
/**
 * A need at a step that is unmet, partly met, or handled manually.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "FlaggedNeed".
 */
export interface FlaggedNeed {
  /**
   * The names of its consumers, joined by ", ".
   */
  consumer_name: string;
  form: InteractionForm;
  /**
   * The form is manual or not yet known.
   */
  manual: boolean;
  need: NeedId;
  /**
   * The names of its sources (producers and providers), joined by ", ".
   */
  provider_name: string;
  status: NeedStatus;
  title: string;
  /**
   * The status is unmet or partly met.
   */
  unmet: boolean;
}
/**
 * Steps taken out of a variant with everything they need to stand on their own.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Fragment".
 */
export interface Fragment {
  /**
   * The actors the steps and needs name, in lane order.
   */
  actors: Actor[];
  /**
   * The information types the needs name, in catalogue order.
   */
  info_types: InfoType[];
  /**
   * The needs whose steps are all among the steps, ordered by id.
   */
  needs: DataNeed[];
  /**
   * The phases the steps name, in column order.
   */
  phases: Phase[];
  /**
   * In the order they were asked for.
   */
  steps: Step[];
  /**
   * The transitions whose both ends are among the steps, ordered by id.
   */
  transitions: Transition[];
}
/**
 * What an import left out or approximated.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ImportReport".
 */
export interface ImportReport {
  /**
   * Elements imported with a loss (a parallel gateway as a decision, a timer as a plain event).
   */
  approximated: ReportEntry[];
  /**
   * Elements with no counterpart: not imported.
   */
  skipped: ReportEntry[];
}
/**
 * One element the import could not map exactly.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReportEntry".
 */
export interface ReportEntry {
  column: number;
  /**
   * The element's local name, e.g. `textAnnotation`.
   */
  element: string;
  id?: string | null;
  line: number;
  name?: string | null;
  /**
   * What happened to it.
   */
  note: string;
}
/**
 * One national information service.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "InfoService".
 */
export interface InfoService {
  /**
   * "IT17".
   */
  code: string;
  /**
   * Name in English.
   */
  name_en: string;
  /**
   * Name in Norwegian bokmål.
   */
  name_nb: string;
}
/**
 * An information type with its name.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "InfoTypeName".
 */
export interface InfoTypeName {
  id: InfoTypeId;
  name: string;
}
/**
 * A lane: one actor, or `None` for steps with no actor.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "LaneBox".
 */
export interface LaneBox {
  actor?: ActorId | null;
  header: TextBlock2;
  height: number;
  width: number;
  /**
   * Horizontal lanes: 0 and the diagram width. Vertical lanes: left and width of the column.
   */
  x: number;
  /**
   * Horizontal lanes: top and height of the row. Vertical lanes: 0 and the diagram height.
   */
  y: number;
}
/**
 * Text already wrapped into lines, in a box; lines are centred in the box, one line height
 * (`size` × [`text::LINE_HEIGHT`]) apart.
 */
export interface TextBlock2 {
  bold: boolean;
  h: number;
  lines: string[];
  /**
   * Font size in diagram units.
   */
  size: number;
  w: number;
  x: number;
  y: number;
}
/**
 * The geometry of one variant's diagram.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Layout".
 */
export interface Layout {
  /**
   * Thickness of the band with the phase names (top, or left with vertical lanes).
   */
  column_header_height: number;
  /**
   * Columns in order (left to right, or top to bottom).
   */
  columns: ColumnBox[];
  /**
   * Transitions ordered by id.
   */
  edges: EdgeRoute[];
  height: number;
  /**
   * Thickness of the band with the lane names (left, or top with vertical lanes).
   */
  lane_header_width: number;
  /**
   * Lanes in order (top to bottom, or left to right).
   */
  lanes: LaneBox[];
  /**
   * Needs ordered by id; empty when the need layer is off.
   */
  needs: NeedRoute[];
  orientation: Orientation;
  /**
   * Steps ordered by id.
   */
  steps: StepBox[];
  variant: VariantId;
  /**
   * Total width and height, headers included.
   */
  width: number;
}
/**
 * The connectors of one data-sharing need.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NeedRoute".
 */
export interface NeedRoute {
  /**
   * The need's number and short title, as a badge beside its first connector.
   */
  badge?: TextBlock1 | null;
  /**
   * Whether the connector runs between lane headers (a need at no step, or at one step).
   */
  between_headers: boolean;
  form: InteractionForm;
  id: NeedId;
  /**
   * Orthogonal polylines, each with an arrowhead at its last point (towards the consumer).
   */
  paths: Point[][];
  /**
   * Indices of the paths that end in a processor's lane (databehandler, e.g. the VKP hub):
   * drawn with a ring at their last point instead of an arrowhead.
   */
  relays?: number[];
  /**
   * The need's number alone beside each of its other connectors, so every line can be
   * told apart without the report.
   */
  tags?: TextBlock1[];
}
/**
 * Where a step is drawn.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "StepBox".
 */
export interface StepBox {
  column: number;
  h: number;
  id: StepId;
  kind: StepKind;
  label: TextBlock3;
  /**
   * Index into [`Layout::lanes`] and [`Layout::columns`].
   */
  lane: number;
  /**
   * 1, 2 … in the order the diagram reads: phase by phase, along the flow, lanes from
   * the first; drawn in a small disc on the shape's top-left corner ([`Self::number_at`]),
   * and used by every report table.
   */
  number: number;
  number_at: Point1;
  number_r: number;
  /**
   * A small disc per participant of a joint step, in its actor's colour, along the
   * shape's top edge from the right.
   */
  participants?: ParticipantMark[];
  /**
   * Whether the position was pinned by the user rather than computed.
   */
  pinned: boolean;
  w: number;
  /**
   * The shape's bounding box (a circle's or diamond's too).
   */
  x: number;
  y: number;
}
/**
 * Text already wrapped into lines, in a box; lines are centred in the box, one line height
 * (`size` × [`text::LINE_HEIGHT`]) apart.
 */
export interface TextBlock3 {
  bold: boolean;
  h: number;
  lines: string[];
  /**
   * Font size in diagram units.
   */
  size: number;
  w: number;
  x: number;
  y: number;
}
/**
 * A point in diagram units.
 */
export interface Point1 {
  x: number;
  y: number;
}
/**
 * Where a joint step shows one participating actor.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ParticipantMark".
 */
export interface ParticipantMark {
  actor: ActorId;
  at: Point;
  /**
   * The actor's lane colour (CSS), grey when it has none.
   */
  colour: string;
  /**
   * The actor's name, for the hover text and the legend.
   */
  name: string;
  r: number;
}
/**
 * What moved in a variant's layout since the one sent before: the frame (size, lanes and
 * columns, always sent: they are few) and the steps, transitions and needs drawn anew or no
 * longer drawn. `whole`: this is the complete layout (another variant than before).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "LayoutDelta".
 */
export interface LayoutDelta {
  column_header_height: number;
  columns: ColumnBox[];
  /**
   * Transitions drawn anew, ordered by id.
   */
  edges: EdgeRoute[];
  height: number;
  lane_header_width: number;
  lanes: LaneBox[];
  /**
   * Needs drawn anew, ordered by id.
   */
  needs: NeedRoute[];
  orientation: Orientation;
  removed_edges: TransitionId[];
  removed_needs: NeedId[];
  removed_steps: StepId[];
  /**
   * Steps drawn anew, ordered by id.
   */
  steps: StepBox[];
  variant: VariantId;
  whole: boolean;
  width: number;
}
/**
 * Choices that change the layout.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "LayoutOptions".
 */
export interface LayoutOptions1 {
  /**
   * The flow drawn: a sub-pathway step's own flow, or (none) the variant's main flow.
   */
  flow?: StepId | null;
  /**
   * Leave out the lanes of actors the flow does not use (no step, part in a step, or part
   * in a need): for figures. The canvas shows every lane, to draw in.
   */
  hide_unused_lanes?: boolean;
  /**
   * Whether data-sharing needs are routed (the need layer).
   */
  needs?: boolean;
  /**
   * Which way lanes run.
   */
  orientation?: "horizontal" | "vertical";
}
/**
 * The review state of one element drawn in a variant's picture.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Marker".
 */
export interface Marker {
  /**
   * Threads on the element that are still open.
   */
  open_threads: number;
  /**
   * The newest decision on the element, by anyone.
   */
  status?: ReviewStatus | null;
  target: ElementRef;
}
/**
 * What the window receives when a menu item is chosen.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "MenuEvent".
 */
export interface MenuEvent {
  /**
   * The new state of a check item (minimap, need layer, language).
   */
  checked?: boolean | null;
  id: MenuCommand;
  /**
   * The document, for [`MenuCommand::Recent`].
   */
  path?: string | null;
}
/**
 * What a merge did.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "MergeReport".
 */
export interface MergeReport {
  comments_added: CommentId[];
  comments_updated: CommentId[];
  not_placed: NotPlaced[];
  reviews_added: ReviewId[];
  /**
   * Decisions the document holds in a newer version than the copy; the newer one is kept.
   */
  reviews_kept_newer: ReviewId[];
  reviews_updated: ReviewId[];
  /**
   * Comments and decisions already in the document exactly as in the copy.
   */
  unchanged: number;
}
/**
 * One comment or decision of the copy that was left out, and why.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NotPlaced".
 */
export interface NotPlaced {
  /**
   * Who wrote it.
   */
  author: string;
  item: MergeItem;
  reason: NotPlacedReason;
  target: ElementRef;
  /**
   * The comment's text, or the decision's status and note.
   */
  text: string;
}
/**
 * What File -> New creates: a copy of a template, or a blank document (optionally with the
 * lane and phase skeleton), under the title asked for up front.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "NewDocument".
 */
export interface NewDocument {
  /**
   * The language a blank document's variant, lanes and phases are named in.
   */
  lang: "nb" | "en";
  /**
   * For a blank document: four lanes and four phases to rename.
   */
  skeleton?: boolean;
  /**
   * A built-in template's name; `None` for a blank document.
   */
  template?: string | null;
  /**
   * The title; empty keeps the template's, or gives a blank document the default one.
   */
  title: string;
}
/**
 * A field this replica wrote that someone else's change replaced.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Notice".
 */
export interface Notice {
  /**
   * Who wrote the element last, as the shared form says.
   */
  by: string;
  /**
   * The element, as `list/id` (`variants/<v>/steps/<s>` for a step).
   */
  element: string;
  field: string;
  /**
   * The value this replica wrote, and the one that replaced it.
   */
  mine: {
    [k: string]: unknown | undefined;
  };
  theirs: unknown;
}
/**
 * What one actor has received so far.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Received".
 */
export interface Received {
  actor: ActorId;
  actor_name: string;
  /**
   * In catalogue order.
   */
  info_types: InfoTypeName[];
}
/**
 * Which threads and decisions a listing shows. Every condition given must hold.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReviewFilter".
 */
export interface ReviewFilter {
  /**
   * Only threads with a comment by, and decisions by, someone whose name holds this text
   * (case-insensitive: "kari" finds "Kari Lege"). Blank means anyone.
   */
  author?: string | null;
  /**
   * Only open threads.
   */
  open_only?: boolean;
  /**
   * Only decisions with this status (threads are not filtered by it).
   */
  status?: ReviewStatus | null;
  /**
   * Only what is about this one element.
   */
  target?: ElementRef | null;
  /**
   * Only what is about this variant or its elements.
   */
  variant?: VariantId | null;
}
/**
 * Threads and decisions, in a fixed order (threads by first comment, decisions by time).
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReviewListing".
 */
export interface ReviewListing {
  decisions: Decision[];
  threads: Thread[];
}
/**
 * A comment that starts a thread, and its replies in the order they were written.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Thread".
 */
export interface Thread {
  /**
   * Whether the thread is still open (its first comment is not resolved).
   */
  open: boolean;
  /**
   * Replies to the root or to other replies, by creation time then id.
   */
  replies: Comment[];
  root: Comment;
  /**
   * The element the thread is about, for people ("Steg «Måle» (Nå-situasjon)").
   */
  target_label: string;
}
/**
 * The state of the review of a document.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "ReviewSummary".
 */
export interface ReviewSummary {
  /**
   * Every decision, oldest first.
   */
  all_decisions: Decision[];
  comments: number;
  /**
   * Every status, in its display order.
   */
  decisions: StatusCount[];
  /**
   * The open threads, oldest first.
   */
  open: Thread[];
  open_threads: number;
  resolved_threads: number;
}
/**
 * How many decisions have one status.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "StatusCount".
 */
export interface StatusCount {
  count: number;
  status: ReviewStatus;
}
/**
 * Where the open document is shared, and its shared form's state, for the window's provider.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "SharedPlace".
 */
export interface SharedPlace {
  /**
   * The document's name on the server.
   */
  name: string;
  /**
   * The collaboration server's WebSocket address.
   */
  server: string;
  /**
   * The whole shared form as one Yjs update, base64.
   */
  state: string;
  token: string;
}
/**
 * What updates from others did.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "SharedUpdate".
 */
export interface SharedUpdate {
  /**
   * Elements of the shared form the core's checks refused, described.
   */
  left_out: string[];
  /**
   * Own changes that someone else's replaced.
   */
  notices: Notice[];
  update: Update;
}
/**
 * The answer to one edit, undo or redo.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Update".
 */
export interface Update {
  /**
   * The elements touched.
   */
  changed: Changed[];
  /**
   * All findings, when they differ from those sent last; none when they are the same.
   */
  findings?: Finding[] | null;
  /**
   * The flow shown now (the one asked for while its sub-pathway step exists, else the main flow).
   */
  flow?: StepId | null;
  /**
   * What moved in its layout; none when nothing did.
   */
  layout?: LayoutDelta | null;
  /**
   * One more than the message before (a [`Shown`] or an update); a window that sees a gap
   * asks for everything again.
   */
  seq: number;
  /**
   * Their new values; a touched element that no longer exists says so.
   */
  values: Value[];
  /**
   * The variant shown now (the one asked for if it still exists, else the first).
   */
  variant?: VariantId | null;
}
/**
 * A variant without its contents: name, kind and description. Storage keeps it as one row
 * and BPMN export carries it on the process.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "VariantHeader".
 */
export interface VariantHeader {
  based_on?: VariantId | null;
  description?: string;
  id: VariantId;
  kind: VariantKind;
  name: string;
}
/**
 * Everything the window shows, sent when it opens a document or switches variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Shown".
 */
export interface Shown {
  document: Document;
  findings: Finding[];
  /**
   * The flow shown: the sub-pathway step asked for while it exists, else the main flow.
   */
  flow?: StepId | null;
  layout?: Layout | null;
  /**
   * Counts what the window was sent: an update follows the message numbered one less.
   */
  seq: number;
  /**
   * The variant shown (the one asked for, or the first) and its layout.
   */
  variant?: VariantId | null;
}
/**
 * A template as File -> New offers it: its name, title, patient group and what it holds.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "TemplateCard".
 */
export interface TemplateCard {
  description: string;
  lanes: number;
  name: string;
  needs: number;
  patient_group: string;
  phases: number;
  /**
   * A picture of the first variant: its overview as SVG, without the need layer, to show
   * small on the start screen and in File -> New.
   */
  preview: string;
  /**
   * Steps and needs of the first variant, and the names of all variants.
   */
  steps: number;
  title: string;
  /**
   * The title in English, for a window that speaks English.
   */
  title_en?: string;
  variants: string[];
}
/**
 * What undo and redo would do, in the user's words ("Angre legg til steg"), or nothing when
 * there is nothing to undo or redo: the toolbar's buttons and the menu's items show it.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "UndoState".
 */
export interface UndoState {
  redo?: string | null;
  undo?: string | null;
}
/**
 * The use of every actor, phase and information type of a document; elements nothing uses
 * are listed with zero counts.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Usage".
 */
export interface Usage {
  actors: {
    [k: string]: Use | undefined;
  };
  info_types: {
    [k: string]: Use | undefined;
  };
  phases: {
    [k: string]: Use | undefined;
  };
}
/**
 * How many steps and needs use one element.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Use".
 */
export interface Use {
  /**
   * Needs (in every variant) the actor provides or consumes, or that carry the type.
   */
  needs: number;
  /**
   * Steps (in every variant) in the actor's lane or the phase's column.
   */
  steps: number;
}
/**
 * Two variants of one document to compare: from `source` to `target`.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "VariantPair".
 */
export interface VariantPair {
  source: VariantId;
  target: VariantId;
}
/**
 * Counts for one variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "VariantSummary".
 */
export interface VariantSummary {
  /**
   * Transitions between steps of different actors.
   */
  handovers: number;
  id: VariantId;
  kind: VariantKind;
  name: string;
  needs: number;
  steps: number;
  transitions: number;
}
/**
 * What the window shows: the variant (none: the first), the flow in it (none: the main
 * flow; else a sub-pathway step's own), and whether the findings are the quiet ones of a
 * pathway being drawn.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "View".
 */
export interface View {
  /**
   * Errors that only say the pathway is unfinished come as notes.
   */
  drawing?: boolean;
  flow?: StepId | null;
  variant?: VariantId | null;
}
/**
 * A walk through a variant.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "Walk".
 */
export interface Walk {
  /**
   * Whether the walk reached an end step.
   */
  complete: boolean;
  /**
   * Loop rounds taken.
   */
  loops: number;
  steps: WalkStep[];
  variant: VariantId;
  variant_name: string;
}
/**
 * One step of the walk and the state after it.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "WalkStep".
 */
export interface WalkStep {
  actor?: ActorId | null;
  actor_name: string;
  /**
   * The ways on from here when there are several (a choice the walk made).
   */
  branches: Branch[];
  /**
   * How many sub-pathways deep the step lies (0: the flow the walk began in).
   */
  depth?: number;
  /**
   * Needs at this step that are unmet or manual, by title.
   */
  flagged: FlaggedNeed[];
  kind: StepKind;
  label: string;
  /**
   * 1, 2, 3 ...
   */
  number: number;
  /**
   * The names of the other actors who take part in a joint step, in the step's order.
   */
  participant_names?: string[];
  phase_name: string;
  /**
   * Every actor, in lane order, with what it has received so far.
   */
  received: Received[];
  /**
   * Loop rounds taken before this step.
   */
  round: number;
  step: StepId;
  /**
   * The transition that led here (none at the start).
   */
  via?: TransitionId | null;
}
/**
 * How to walk.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "WalkOptions".
 */
export interface WalkOptions {
  /**
   * Branches to take. At a step with several ways on, its k-th visit takes the k-th of
   * these transitions that leave it (the last one again on later visits), when that still
   * lets the walk finish.
   */
  choices?: TransitionId[];
  /**
   * How many loop rounds to take (at most [`MAX_LOOPS`]).
   */
  loops?: number;
  /**
   * Where to begin (default: the first start step by id).
   */
  start?: StepId | null;
}
/**
 * One row: a step of the walk.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "WalkRow".
 */
export interface WalkRow {
  actor: string;
  /**
   * Needs at the step that are unmet or manual, with form and status, `; `-separated.
   */
  flagged: string;
  number: number;
  /**
   * The information types the acting actor has received so far, comma-separated.
   */
  received: string;
  /**
   * Loop rounds taken before this step.
   */
  round: number;
  /**
   * The step's label, with the branch taken when there were several ("… → gul"), marked
   * "↳ " once per sub-pathway it lies in.
   */
  step: string;
}
/**
 * The walk-through table.
 *
 * This interface was referenced by `CarepathTypes`'s JSON-Schema
 * via the `definition` "WalkTable".
 */
export interface WalkTable {
  /**
   * Whether the walk reached an end.
   */
  complete: boolean;
  rows: WalkRow[];
  variant_name: string;
}
