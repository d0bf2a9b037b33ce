//! Story mode: a story's scenes shown one after the other. A scene sets the filter (its facets,
//! and only the events it is about, the others dimmed for context) and eases the window to its
//! own; leaving the story keeps the view to explore from.

use super::{Notice, State};
use crate::core::dataset::{Story, StoryScene};
use crate::core::grouping::GroupBy;
use crate::core::story::{locate, scene_filter, ScenePosition};
use crate::core::url_state::{self, ViewState};
use crate::core::viewport::Viewport;

/// The story being told.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Touring {
    pub position: ScenePosition,
    /// The reader's own dimming choice before the story (back when it ends).
    pub dim_before: bool,
    /// The reader's own lanes before the story, or chosen during it (back when it ends): a
    /// scene may set its own.
    pub lanes_before: GroupBy,
    /// Opened from a link (or Back and Forward) rather than started on this page: the panel
    /// does not take the focus.
    pub from_link: bool,
}

impl State {
    /// The story and scene shown, in story mode.
    pub fn story_scene(&self) -> Option<(&Story, &StoryScene)> {
        self.story?.position.get(&self.chronology.data)
    }

    /// The scene's own window, clamped to what the timeline can show.
    fn scene_viewport(&self, scene: &StoryScene) -> Viewport {
        let (from, to) = scene.view.window.days();
        Viewport::new(from, to).clamp(&self.chronology.limits)
    }

    /// Shows a scene: its filter, its window (eased to when `animate`), no selection. False if
    /// the position is not in the chronology.
    pub(crate) fn show_scene(&mut self, position: ScenePosition, animate: bool) -> bool {
        let Some((_, scene)) = position.get(&self.chronology.data) else {
            return false;
        };
        let filter = scene_filter(scene);
        let to = self.scene_viewport(scene);
        let (dim_before, lanes_before, from_link) = self
            .story
            .map_or((self.filtering.dim, self.lanes.by, false), |t| {
                (t.dim_before, t.lanes_before, t.from_link)
            });
        self.story = Some(Touring {
            position,
            dim_before,
            lanes_before,
            from_link,
        });
        self.filtering.filter = filter;
        self.filtering.dim = true;
        self.lanes.story_opened = Some(Default::default());
        // A scene with lanes of its own shows them; the others show the reader's, so that a
        // scene looks the same however it was reached (Next from a scene with lanes, or a link).
        self.lanes.by = scene.view.group_by.unwrap_or(lanes_before);
        self.refilter();
        self.selected = None;
        self.window.go_to(to, animate);
        true
    }

    /// Leaves the story: the scene's window and facet filters stay, every event of them shows
    /// again, and the reader's dimming and lanes are back.
    pub(crate) fn leave_story(&mut self) -> bool {
        let Some(touring) = self.story.take() else {
            return false;
        };
        self.filtering.filter.events.clear();
        self.filtering.dim = touring.dim_before;
        self.lanes.story_opened = None;
        self.lanes.by = touring.lanes_before;
        self.refilter();
        true
    }

    /// The link to the scene shown: the story and the scene, the window if the reader moved it
    /// away from the scene's own, and the selection.
    pub(crate) fn story_view_state(&self) -> Option<ViewState> {
        let touring = self.story?;
        let (story, scene) = touring.position.get(&self.chronology.data)?;
        let target = self.window.target();
        let window = (target != self.scene_viewport(scene))
            .then(|| url_state::round_window(target.start, target.end));
        Some(ViewState {
            window,
            selected: self
                .selected
                .map(|i| self.chronology.data.events[i].id.clone()),
            synthetic: self.synthetic(),
            data: self.data_link(),
            group: self.lanes.by,
            folded: self.lanes.collapsed().clone(),
            story: Some(story.id.clone()),
            scene: Some(scene.id.clone()),
            ..ViewState::default()
        })
    }

    /// A link to a story's scene (Back and Forward step through scenes): the scene, then the
    /// link's window and selection; true when the link is to a scene. A link without a story
    /// (or to one the chronology does not have) ends a story being told.
    pub(crate) fn apply_story_view(&mut self, view: &ViewState, notices: &mut Vec<Notice>) -> bool {
        // Back or Forward from a scene to another: the reader's dimming and lanes from before the
        // story are kept (the scene shown had set its own).
        let touring = self.story.take();
        // (Shown again by the scene, if the link is to one.)
        self.lanes.story_opened = None;
        let Some(story) = &view.story else {
            return false;
        };
        let (position, notice) = locate(&self.chronology.data, story, view.scene.as_deref());
        notices.extend(notice.map(Notice::View));
        let Some(position) = position else {
            return false;
        };
        // A scene without lanes of its own shows the reader's: those the link names.
        let own_lanes = position
            .get(&self.chronology.data)
            .and_then(|(_, scene)| scene.view.group_by);
        if own_lanes.is_none() {
            self.lanes.by = view.group;
        }
        self.story = touring;
        self.show_scene(position, false);
        if let Some(touring) = &mut self.story {
            touring.from_link = true;
        }
        // The scene sets the filters and the lanes: what else the link asks of them is said
        // to be ignored (a scene's own link carries only its grouping and folds).
        let mut ignored: Vec<String> = crate::core::query::Facet::ALL
            .into_iter()
            .filter(|&f| !view.filter.selected(f).is_empty())
            .map(|f| format!("{}=", f.key()))
            .collect();
        if !view.filter.text.is_empty() {
            ignored.push("q=".into());
        }
        if view.dim {
            ignored.push("dim=".into());
        }
        if own_lanes.is_some()
            && view.group != crate::core::grouping::GroupBy::None
            && view.group != self.lanes.by
        {
            ignored.push("group=".into());
        }
        if !ignored.is_empty() {
            notices.push(Notice::View(format!(
                "A story's scene sets its own filters and lanes: ignored {} in the link.",
                ignored.join(", ")
            )));
        }
        self.apply_folds(view, notices);
        self.lanes.regroup(&self.chronology.data, &self.filtering);
        self.window.animation = None;
        if let Some((from, to)) = view.window {
            self.window.viewport = Viewport::new(from, to).clamp(&self.chronology.limits);
        } else if let Some((_, scene)) = self.story_scene() {
            self.window.viewport = self.scene_viewport(scene);
        }
        if let Some(id) = &view.selected {
            match self.chronology.position(id) {
                Some(i) if self.passes(i) => self.selected = Some(i),
                _ => notices.push(Notice::View(format!(
                    "The link's event '{id}' is not in this scene; ignored."
                ))),
            }
        }
        true
    }
}
